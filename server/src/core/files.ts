import { createHash } from 'node:crypto';
import type { MultipartFile } from '@fastify/multipart';
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import yauzl from 'yauzl';
import { fileBlobs, storedFiles } from '../db/schema';
import type { Executor } from '../db/types';
import { recordAudit } from './audit';
import type { RequestContext } from './context';
import { AppError, notFound } from './errors';
import { attachmentHeader } from './excel';
import { cleanFileName } from './excel-import';

export const FILE_MAX_BYTES = 20 * 1024 * 1024;
/** A .docx is a zip: more than this once inflated, or this many entries, is refused as a zip bomb. */
const DOCX_MAX_INFLATED_BYTES = 100 * 1024 * 1024;
const DOCX_MAX_ENTRIES = 2000;

const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  jpg: 'image/jpeg',
  png: 'image/png',
} as const;
type Kind = keyof typeof MEDIA_TYPES;

const EXTENSIONS: Record<string, Kind> = {
  pdf: 'pdf',
  docx: 'docx',
  doc: 'doc',
  jpg: 'jpg',
  jpeg: 'jpg',
  png: 'png',
};

export type StoredFile = typeof storedFiles.$inferSelect;

/** What the bytes are, by their content alone; `null` for anything not accepted. */
async function sniff(buffer: Buffer): Promise<Kind | null> {
  if (buffer.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (
    buffer.length > 8 &&
    buffer.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'png';
  if (buffer.length > 3 && buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff) return 'jpg';
  if (buffer.length > 8 && buffer.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))) return 'doc';
  if (buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50)
    return (await isSafeDocx(buffer)) ? 'docx' : null;
  return null;
}

/** A Word document: a zip holding `word/document.xml`, of bounded size once inflated. */
function isSafeDocx(buffer: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return resolve(false);
      let entries = 0;
      let inflated = 0;
      let hasDocument = false;
      zip.on('entry', (entry: yauzl.Entry) => {
        entries += 1;
        inflated += entry.uncompressedSize;
        if (entry.fileName === 'word/document.xml') hasDocument = true;
        if (entries > DOCX_MAX_ENTRIES || inflated > DOCX_MAX_INFLATED_BYTES) {
          zip.close();
          return resolve(false);
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve(hasDocument));
      zip.on('error', () => resolve(false));
      zip.readEntry();
    });
  });
}

/**
 * Checks an upload by content, size and name: the content must be PDF, Word, JPG or PNG and the
 * name's extension must say the same; control and bidi characters and path parts are removed.
 */
export async function checkUpload(
  buffer: Buffer,
  fileName: string,
): Promise<{ fileName: string; mediaType: string }> {
  if (buffer.length === 0) throw new AppError(400, 'fileMissing', [{ path: 'file', message: '' }]);
  if (buffer.length > FILE_MAX_BYTES)
    throw new AppError(413, 'fileTooLarge', [{ path: 'file', message: '' }]);
  const name = cleanFileName(fileName);
  const extension = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  const claimed = EXTENSIONS[extension];
  const actual = await sniff(buffer);
  if (!claimed || !actual || claimed !== actual) {
    throw new AppError(400, 'fileTypeNotAllowed', [{ path: 'file', message: '' }]);
  }
  return { fileName: name, mediaType: MEDIA_TYPES[actual] };
}

/** Reads the one file of a multipart request, capped at FILE_MAX_BYTES, with its other fields. */
export async function readUploadedFile(
  request: FastifyRequest,
): Promise<{ buffer: Buffer; fileName: string; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new AppError(400, 'fileMissing', [{ path: 'file', message: '' }]);
  let file: MultipartFile | undefined;
  try {
    file = await request.file({ limits: { fileSize: FILE_MAX_BYTES, files: 1, fields: 10, parts: 11 } });
  } catch {
    throw new AppError(400, 'fileMissing', [{ path: 'file', message: '' }]);
  }
  if (!file) throw new AppError(400, 'fileMissing', [{ path: 'file', message: '' }]);
  const buffer = await file.toBuffer().catch(() => {
    throw new AppError(413, 'fileTooLarge', [{ path: 'file', message: '' }]);
  });
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(file.fields)) {
    const part = Array.isArray(value) ? value[0] : value;
    if (part && part.type === 'field' && typeof part.value === 'string') fields[key] = part.value;
  }
  return { buffer, fileName: file.filename, fields };
}

/**
 * Stores a checked upload in the caller's transaction: the bytes once per content hash, the
 * metadata row with its owner, and an audit row. Bytes and row commit together, so no file is
 * ever orphaned by a crash.
 */
export async function storeFile(
  tx: Executor,
  context: RequestContext,
  options: { buffer: Buffer; fileName: string; purpose: string; ownerEnterpriseId: number | null },
): Promise<StoredFile> {
  const { fileName, mediaType } = await checkUpload(options.buffer, options.fileName);
  const sha256 = createHash('sha256').update(options.buffer).digest('hex');
  await tx
    .insert(fileBlobs)
    .values({ sha256, bytes: options.buffer, size: options.buffer.length })
    .onConflictDoNothing();
  const [row] = await tx
    .insert(storedFiles)
    .values({
      sha256,
      fileName,
      mediaType,
      size: options.buffer.length,
      purpose: options.purpose,
      ownerEnterpriseId: options.ownerEnterpriseId,
      uploadedBy: context.actor?.userId ?? null,
    })
    .returning();
  await recordAudit(tx, context, {
    event: 'file.upload',
    objectType: 'stored_files',
    objectId: row.id,
    after: { fileName, mediaType, size: row.size, purpose: options.purpose, sha256 },
  });
  return row;
}

export async function findStoredFile(executor: Executor, fileId: number): Promise<StoredFile | null> {
  const [row] = await executor.select().from(storedFiles).where(eq(storedFiles.id, fileId));
  return row ?? null;
}

/**
 * Sends a stored file as an attachment, after the caller has decided the actor may read it;
 * the download is audited.
 */
export async function sendStoredFile(
  reply: FastifyReply,
  executor: Executor,
  context: RequestContext,
  file: StoredFile,
): Promise<FastifyReply> {
  const [blob] = await executor.select().from(fileBlobs).where(eq(fileBlobs.sha256, file.sha256));
  if (!blob) throw notFound();
  await recordAudit(executor, context, {
    event: 'file.download',
    objectType: 'stored_files',
    objectId: file.id,
    after: { fileName: file.fileName, purpose: file.purpose },
  });
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', attachmentHeader(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(blob.bytes);
}
