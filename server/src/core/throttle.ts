import type { ErrorCode } from '@kechuang/domain';
import { and, eq, like, lt, sql } from 'drizzle-orm';
import { type Database, type Executor, queryRows } from '../db/connection';
import { throttleEvents } from '../db/schema';
import { recordAudit } from './audit';
import type { RequestContext } from './context';
import { AppError } from './errors';

/** At most `limit` events of `kind` per key within a sliding window of `windowSeconds`. */
export interface ThrottleRule {
  kind: string;
  limit: number;
  windowSeconds: number;
}

export interface ThrottleState {
  /** Events of the key still inside the window (counted up to the rule's limit). */
  count: number;
  /** Whole seconds until the oldest counted event leaves the window: the `Retry-After` once at the limit. */
  retryAfterSeconds: number;
}

/**
 * The key's events within the rule's window, read with the database's clock so that every instance
 * agrees. Only the newest `limit` rows are read, so a flood costs no more than the limit.
 */
export async function readThrottle(
  executor: Executor,
  rule: ThrottleRule,
  key: string,
): Promise<ThrottleState> {
  const [row] = await queryRows<{ count: number; retry_after: number | null }>(
    executor,
    sql`
    select count(*)::int as count,
           ceil(extract(epoch from (min(at) + make_interval(secs => ${rule.windowSeconds}) - now())))::int as retry_after
      from (select at from throttle_events
             where kind = ${rule.kind} and key = ${key}
               and at > now() - make_interval(secs => ${rule.windowSeconds})
             order by at desc limit ${rule.limit}) recent`,
  );
  return { count: row?.count ?? 0, retryAfterSeconds: Math.max(1, row?.retry_after ?? 1) };
}

export function isAtLimit(rule: ThrottleRule, state: ThrottleState): boolean {
  return state.count >= rule.limit;
}

export async function recordThrottleEvent(executor: Executor, kind: string, key: string): Promise<void> {
  await executor.insert(throttleEvents).values({ kind, key });
}

/** Forgets a key's events (a successful sign-in clears its account-and-address failures). */
export async function clearThrottleEvents(
  executor: Executor,
  kind: string,
  keyOrPrefix: { key?: string; prefix?: string },
) {
  const match =
    keyOrPrefix.key !== undefined
      ? eq(throttleEvents.key, keyOrPrefix.key)
      : like(throttleEvents.key, `${keyOrPrefix.prefix ?? ''}%`);
  await executor.delete(throttleEvents).where(and(eq(throttleEvents.kind, kind), match));
}

/** Drops events older than a day, the longest window any rule uses; run by the daily jobs. */
export async function pruneThrottleEvents(executor: Executor): Promise<number> {
  const removed = await executor
    .delete(throttleEvents)
    .where(lt(throttleEvents.at, sql`now() - interval '1 day'`))
    .returning({ id: throttleEvents.id });
  return removed.length;
}

/**
 * Refuses with 429 and `Retry-After` when the key is at the rule's limit; the refusal goes into the
 * audit trail with the rule and the key (an address, or an account and address).
 */
export async function enforceThrottle(
  db: Database,
  context: RequestContext,
  options: { rule: ThrottleRule; key: string; errorCode: ErrorCode; event: string },
): Promise<void> {
  const state = await readThrottle(db, options.rule, options.key);
  if (!isAtLimit(options.rule, state)) return;
  await recordAudit(db, context, {
    event: options.event,
    objectType: 'throttle',
    objectId: `${options.rule.kind} ${options.key}`.slice(0, 120),
    result: 'denied',
  });
  throw new AppError(429, options.errorCode, [], { 'retry-after': String(state.retryAfterSeconds) });
}
