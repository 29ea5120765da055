import crypto from 'node:crypto';
import { and, asc, desc, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { auditLog } from '../db/schema';
import type { Database, Executor } from '../db/types';
import { type RequestContext, systemContext } from './context';

export type AuditResult = 'ok' | 'denied' | 'failed';

export interface AuditEvent {
  event: string;
  objectType?: string;
  objectId?: string | number | null;
  result?: AuditResult;
  before?: unknown;
  after?: unknown;
}

/** Appends one audit row; call it with the transaction of the change it records. */
export async function recordAudit(
  executor: Executor,
  context: RequestContext,
  event: AuditEvent,
): Promise<void> {
  if (context !== systemContext) context.hasAuditRows = true;
  await executor.insert(auditLog).values({
    actorId: context.actor?.userId ?? null,
    actorName: context.actor?.username ?? null,
    actorRole: context.actor?.role ?? null,
    ip: context.ip,
    requestId: context.requestId,
    event: event.event,
    objectType: event.objectType ?? null,
    objectId: event.objectId == null ? null : String(event.objectId),
    result: event.result ?? 'ok',
    before: redact(event.before) ?? null,
    after: redact(event.after) ?? null,
  });
}

const SECRET_KEYS = new Set(['password', 'passwordHash', 'oldPassword', 'newPassword', 'initialPassword']);

function redact(value: unknown): unknown {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value, (key, inner) => (SECRET_KEYS.has(key) ? '[redacted]' : inner)));
}

type AuditRow = typeof auditLog.$inferSelect;

/** Key-order independent JSON: jsonb does not keep the order the row was written with. */
function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${stableStringify(inner)}`).join(',')}}`;
}

export function computeAuditHash(previousHash: string, row: AuditRow): string {
  const content = stableStringify([
    row.id,
    row.occurredAt.toISOString(),
    row.actorId,
    row.actorName,
    row.actorRole,
    row.ip,
    row.event,
    row.objectType,
    row.objectId,
    row.result,
    row.requestId,
    row.before,
    row.after,
  ]);
  return crypto.createHash('sm3').update(`${previousHash}\n${content}`).digest('hex');
}

const GENESIS_HASH = '0'.repeat(64);
const SEAL_LOCK = 7300002;

/**
 * Chains committed, unsealed audit rows in id order after the last sealed one. Runs after commits
 * (and before every verification); an advisory lock makes concurrent sealers take turns.
 */
export async function sealAuditChain(db: Database, batchSize = 500): Promise<number> {
  let sealed = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SEAL_LOCK})`);
      const [last] = await tx
        .select({ chainIndex: auditLog.chainIndex, hash: auditLog.hash })
        .from(auditLog)
        .where(isNotNull(auditLog.chainIndex))
        .orderBy(desc(auditLog.chainIndex))
        .limit(1);
      const pending = await tx
        .select()
        .from(auditLog)
        .where(isNull(auditLog.hash))
        .orderBy(asc(auditLog.id))
        .limit(batchSize);
      let previousHash = last?.hash ?? GENESIS_HASH;
      let chainIndex = last?.chainIndex ?? 0;
      for (const row of pending) {
        chainIndex += 1;
        const hash = computeAuditHash(previousHash, row);
        await tx
          .update(auditLog)
          .set({ chainIndex, prevHash: previousHash, hash })
          .where(sql`${auditLog.id} = ${row.id}`);
        previousHash = hash;
      }
      return pending.length;
    });
    sealed += count;
    if (count < batchSize) return sealed;
  }
}

export interface AuditVerification {
  isIntact: boolean;
  checked: number;
  pending: number;
  firstBrokenId: number | null;
  problem: string | null;
}

/** Recomputes the chain from its first kept row; names the first row whose content or link is wrong. */
export async function verifyAuditChain(db: Database): Promise<AuditVerification> {
  await sealAuditChain(db);
  let checked = 0;
  let previousHash: string | null = null;
  let expectedIndex: number | null = null;
  let afterIndex = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(isNotNull(auditLog.chainIndex), sql`${auditLog.chainIndex} > ${afterIndex}`))
      .orderBy(asc(auditLog.chainIndex))
      .limit(2000);
    for (const row of rows) {
      const broken = (problem: string): AuditVerification => ({
        isIntact: false,
        checked,
        pending: 0,
        firstBrokenId: row.id,
        problem,
      });
      // Rows older than the retention period may have been purged: the chain starts at the first kept row.
      if (previousHash === null) previousHash = row.prevHash ?? GENESIS_HASH;
      if (expectedIndex !== null && row.chainIndex !== expectedIndex)
        return broken(`chain index ${row.chainIndex} follows ${expectedIndex - 1}: rows missing`);
      if (row.prevHash !== previousHash) return broken('link to the previous row does not match');
      if (computeAuditHash(previousHash, row) !== row.hash) return broken('content does not match its hash');
      previousHash = row.hash;
      expectedIndex = (row.chainIndex ?? 0) + 1;
      afterIndex = row.chainIndex ?? afterIndex;
      checked += 1;
    }
    if (rows.length < 2000) break;
  }
  const [{ pending }] = await db
    .select({ pending: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(isNull(auditLog.hash));
  return { isIntact: true, checked, pending, firstBrokenId: null, problem: null };
}

/** Deletes audit rows older than the retention period (never less than 184 days, 网络安全法 第二十一条). */
export async function purgeExpiredAudit(db: Database, retentionDays: number): Promise<number> {
  const days = Math.max(184, Math.floor(retentionDays));
  await sealAuditChain(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('kechuang.audit_purge', 'on', true)`);
    await tx.execute(sql`select set_config('kechuang.audit_retention_days', ${String(days)}, true)`);
    const cutoff = new Date(Date.now() - days * 86_400_000);
    const deleted = await tx
      .delete(auditLog)
      .where(lt(auditLog.occurredAt, cutoff))
      .returning({ id: auditLog.id });
    return deleted.length;
  });
}
