import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { storeFile } from '../../core/files';
import type { Database } from '../../db/connection';
import { storedFiles } from '../../db/schema';
import { EDITABLE_STATUSES, requireEnterpriseActor } from './application-editing-service';
import { readContent } from './application-rules';
import { ATTACHMENT_PURPOSE, loadScopedRow, readApplication } from './applications-service';

/** Stores an attachment of the application (PDF, Word, images; checked by content). */
export async function uploadAttachment(
  db: Database,
  options: { id: number; buffer: Buffer; fileName: string; context: RequestContext },
) {
  const { context } = options;
  const actor = requireEnterpriseActor(context);
  const row = await loadScopedRow(db, actor, options.id);
  if (!EDITABLE_STATUSES.includes(row.application.status)) throw new AppError(409, 'applicationNotEditable');
  const file = await db.transaction((tx) =>
    storeFile(tx, context, {
      buffer: options.buffer,
      fileName: options.fileName,
      purpose: ATTACHMENT_PURPOSE,
      ownerEnterpriseId: row.application.enterpriseId,
    }),
  );
  return { id: file.id, fileName: file.fileName, mediaType: file.mediaType, size: file.size };
}

/** An attachment named by the application, of the application's own enterprise. */
export async function findAttachment(db: Database, options: { actor: Actor; id: number; fileId: number }) {
  const row = await loadScopedRow(db, options.actor, options.id);
  const content = readContent(row.application.content);
  if (!content.attachments.some((attachment) => attachment.fileId === options.fileId)) throw notFound();
  const [file] = await db
    .select()
    .from(storedFiles)
    .where(
      and(
        eq(storedFiles.id, options.fileId),
        eq(storedFiles.ownerEnterpriseId, row.application.enterpriseId),
        eq(storedFiles.purpose, ATTACHMENT_PURPOSE),
      ),
    );
  if (!file) throw notFound();
  return file;
}

/** The 申报书 for the Word export (ID numbers masked there too); the export is audited. */
export async function readApplicationForDocument(
  db: Database,
  options: { context: RequestContext; id: number },
) {
  const actor = options.context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const detail = await readApplication(db, { actor, id: options.id });
  await recordAudit(db, options.context, {
    event: 'project-application.export',
    objectType: 'project_applications',
    objectId: options.id,
  });
  return detail;
}
