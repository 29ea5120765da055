import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { findStoredFile, type StoredFile, storeFile } from '../../core/files';
import type { Database, Executor } from '../../db/connection';
import { storedFiles } from '../../db/schema';

/** The purpose of a stored payment-voucher scan; the file is owned by the payout's enterprise. */
export const VOUCHER_FILE_PURPOSE = 'policy-payout-voucher';

/** A stored voucher scan of the enterprise's (uploaded for one of its payouts). */
export async function isVoucherFileOf(executor: Executor, fileId: number, enterpriseId: number) {
  const [file] = await executor
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(
      and(
        eq(storedFiles.id, fileId),
        eq(storedFiles.purpose, VOUCHER_FILE_PURPOSE),
        eq(storedFiles.ownerEnterpriseId, enterpriseId),
      ),
    );
  return file !== undefined;
}

/** The voucher scan attached to a payout, as the payout's detail names it. */
export async function readVoucherFile(
  executor: Executor,
  row: { voucherFileId: number | null },
): Promise<{ id: number; fileName: string; size: number } | null> {
  if (row.voucherFileId === null) return null;
  const file = await findStoredFile(executor, row.voucherFileId);
  return file ? { id: file.id, fileName: file.fileName, size: file.size } : null;
}

/**
 * Stores a voucher scan (PDF or image, checked by content and size by the shared upload check) for
 * a payout about to be paid; the payment step then names it. Only while the payment can be recorded.
 */
export async function uploadVoucherFile(
  db: Database,
  options: {
    payout: { enterpriseId: number; allowedActions: readonly string[] };
    buffer: Buffer;
    fileName: string;
    context: RequestContext;
  },
) {
  if (!options.payout.allowedActions.includes('pay')) throw new AppError(409, 'transitionNotAllowed');
  const file = await db.transaction((tx) =>
    storeFile(tx, options.context, {
      buffer: options.buffer,
      fileName: options.fileName,
      purpose: VOUCHER_FILE_PURPOSE,
      ownerEnterpriseId: options.payout.enterpriseId,
    }),
  );
  return { id: file.id, fileName: file.fileName, size: file.size };
}

/** The voucher scan of a payout the actor may read (none attached: 404). */
export async function findPayoutVoucher(
  executor: Executor,
  payout: { enterpriseId: number; voucherFileId: number | null },
): Promise<StoredFile> {
  if (payout.voucherFileId === null) throw notFound();
  const file = await findStoredFile(executor, payout.voucherFileId);
  if (!file || file.purpose !== VOUCHER_FILE_PURPOSE || file.ownerEnterpriseId !== payout.enterpriseId)
    throw notFound();
  return file;
}
