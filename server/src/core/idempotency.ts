import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { idempotencyKeys } from '../db/schema';
import type { Database } from '../db/types';
import { AppError } from './errors';

const WAIT_STEP_MS = 50;
const WAIT_LIMIT_MS = 15_000;

/**
 * Honours `Idempotency-Key` on a create: the first request claims the key and runs; replays get the
 * stored response; the same key with another body gets 422. Without the header the handler just runs.
 */
export async function runIdempotent<T>(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  handler: () => Promise<{ statusCode: number; body: T }>,
): Promise<T> {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key.length === 0) {
    const result = await handler();
    reply.code(result.statusCode);
    return result.body;
  }
  if (key.length > 200) throw new AppError(400, 'badRequest', [{ path: 'Idempotency-Key', message: '' }]);
  const owner = request.context.actor ? `user:${request.context.actor.userId}` : 'anonymous';
  const scopeKey = `${owner}|${request.method} ${request.routeOptions.url}|${key}`;
  const requestHash = crypto
    .createHash('sha256')
    .update(JSON.stringify(request.body ?? null))
    .update(request.url)
    .digest('hex');

  const claimed = await db
    .insert(idempotencyKeys)
    .values({ scopeKey, requestHash })
    .onConflictDoNothing()
    .returning({ id: idempotencyKeys.id });
  if (claimed.length === 0) return replay(db, scopeKey, requestHash, reply) as Promise<T>;

  try {
    const result = await handler();
    await db
      .update(idempotencyKeys)
      .set({ statusCode: result.statusCode, responseBody: result.body as object })
      .where(eq(idempotencyKeys.id, claimed[0].id));
    reply.code(result.statusCode);
    return result.body;
  } catch (error) {
    if (error instanceof AppError && error.statusCode < 500) {
      const body = {
        error: {
          code: error.errorCode,
          message: error.messageIn(request.context.language),
          details: error.details,
        },
      };
      await db
        .update(idempotencyKeys)
        .set({ statusCode: error.statusCode, responseBody: body })
        .where(eq(idempotencyKeys.id, claimed[0].id));
    } else {
      // Nothing was stored: let a retry with the same key run again.
      await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, claimed[0].id));
    }
    throw error;
  }
}

async function replay(
  db: Database,
  scopeKey: string,
  requestHash: string,
  reply: FastifyReply,
): Promise<unknown> {
  const started = Date.now();
  for (;;) {
    const [row] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.scopeKey, scopeKey));
    if (row && row.requestHash !== requestHash) throw new AppError(422, 'idempotencyMismatch');
    if (row?.statusCode != null) {
      reply.code(row.statusCode).header('idempotent-replayed', 'true');
      return row.responseBody;
    }
    if (!row || Date.now() - started > WAIT_LIMIT_MS) {
      throw new AppError(409, 'duplicate', [], { 'retry-after': '1' });
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}
