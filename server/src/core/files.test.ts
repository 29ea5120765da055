import { createRequire } from 'node:module';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileBlobs, storedFiles } from '../db/schema';
import { createTestApp, type TestApp } from '../test/test-app';
import type { RequestContext } from './context';
import { AppError } from './errors';
import { checkUpload, findStoredFile, storeFile } from './files';

const require = createRequire(import.meta.url);
const yazl = require('yazl') as typeof import('yazl');

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

const context: RequestContext = {
  actor: {
    userId: null as unknown as number,
    username: 'tester',
    displayName: '测试',
    role: 'staff',
    enterpriseId: null,
  },
  ip: '127.0.0.1',
  requestId: 'files-test',
  language: 'zh-CN',
};

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function zipOf(entries: Record<string, Buffer>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, bytes] of Object.entries(entries)) zip.addBuffer(bytes, name);
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return error instanceof AppError ? `${error.statusCode} ${error.errorCode}` : String(error);
  }
}

describe('uploads are checked by content, size and name', () => {
  it('accepts PDF, Word, JPG and PNG whose extension matches the content', async () => {
    const docx = await zipOf({
      '[Content_Types].xml': Buffer.from('<x/>'),
      'word/document.xml': Buffer.from('<w/>'),
    });
    expect(await checkUpload(pdf, '申报书.pdf')).toEqual({
      fileName: '申报书.pdf',
      mediaType: 'application/pdf',
    });
    expect((await checkUpload(docx, '任务书.DOCX')).mediaType).toContain('wordprocessingml');
    expect((await checkUpload(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), '营业执照.jpeg')).mediaType).toBe(
      'image/jpeg',
    );
  });

  it('refuses html renamed to pdf, a spreadsheet renamed to docx, a pdf named .png, empty and oversize files', async () => {
    const xlsx = await zipOf({ 'xl/workbook.xml': Buffer.from('<x/>') });
    expect(await refusal(checkUpload(Buffer.from('<html><script>alert(1)</script>'), 'a.pdf'))).toBe(
      '400 fileTypeNotAllowed',
    );
    expect(await refusal(checkUpload(xlsx, 'a.docx'))).toBe('400 fileTypeNotAllowed');
    expect(await refusal(checkUpload(pdf, 'a.png'))).toBe('400 fileTypeNotAllowed');
    expect(await refusal(checkUpload(pdf, 'no-extension'))).toBe('400 fileTypeNotAllowed');
    expect(await refusal(checkUpload(Buffer.alloc(0), 'a.pdf'))).toBe('400 fileMissing');
    expect(await refusal(checkUpload(Buffer.concat([pdf, Buffer.alloc(21 * 1024 * 1024)]), 'a.pdf'))).toBe(
      '413 fileTooLarge',
    );
  });

  it('refuses a docx that would inflate past 100 MiB', async () => {
    const bomb = await zipOf({ 'word/document.xml': Buffer.alloc(110 * 1024 * 1024, 0x20) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal(checkUpload(bomb, 'bomb.docx'))).toBe('400 fileTypeNotAllowed');
  });

  it('strips path parts and bidi/control characters from the name', async () => {
    const { fileName } = await checkUpload(pdf, '../../etc/\u202Efdp.exe\u0000.pdf');
    expect(fileName).toBe('fdp.exe.pdf');
  });

  it('stores the bytes once per content and a row per upload, both in the same transaction', async () => {
    const first = await test.db.transaction((tx) =>
      storeFile(tx, context, {
        buffer: pdf,
        fileName: '附件一.pdf',
        purpose: 'test',
        ownerEnterpriseId: null,
      }),
    );
    const second = await test.db.transaction((tx) =>
      storeFile(tx, context, {
        buffer: pdf,
        fileName: '附件二.pdf',
        purpose: 'test',
        ownerEnterpriseId: null,
      }),
    );
    expect(second.sha256).toBe(first.sha256);
    const blobs = await test.db.select().from(fileBlobs).where(eq(fileBlobs.sha256, first.sha256));
    expect(blobs).toHaveLength(1);
    expect(Buffer.from(blobs[0].bytes).equals(pdf)).toBe(true);
    expect((await findStoredFile(test.db, second.id))?.fileName).toBe('附件二.pdf');

    const rolledBack = await test.db
      .transaction(async (tx) => {
        await storeFile(tx, context, {
          buffer: Buffer.concat([pdf, Buffer.from('x')]),
          fileName: '回滚.pdf',
          purpose: 'test',
          ownerEnterpriseId: null,
        });
        throw new Error('rollback');
      })
      .catch(() => 'rolled back');
    expect(rolledBack).toBe('rolled back');
    expect(await test.db.select().from(storedFiles).where(eq(storedFiles.fileName, '回滚.pdf'))).toHaveLength(
      0,
    );
  });
});
