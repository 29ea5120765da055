import crypto from 'node:crypto';
import type { Role } from '@kechuang/domain';
import { eq, sql } from 'drizzle-orm';
import { sessions, users } from '../db/schema';
import type { Executor } from '../db/types';
import type { Actor } from './context';

export const SESSION_COOKIE = 'kc_session';

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** A new random session id at every login; only its hash is stored. */
export async function createSession(
  executor: Executor,
  options: { userId: number; ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await executor.insert(sessions).values({
    id: hashToken(token),
    userId: options.userId,
    ip: options.ip,
    userAgent: options.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

export interface LoadedSession {
  actor: Actor;
  mustChangePassword: boolean;
  secondFactorEnabled: boolean;
}

export type SessionState =
  | { status: 'none' }
  | { status: 'expired' }
  | ({ status: 'active' } & LoadedSession);

/** Resolves a cookie to its user; a session idle past the timeout, or of a disabled user, is removed. */
export async function loadSession(
  executor: Executor,
  token: string,
  idleTimeoutMinutes: number,
): Promise<SessionState> {
  const id = hashToken(token);
  const [row] = await executor
    .select({
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      enterpriseId: users.enterpriseId,
      isDisabled: users.isDisabled,
      mustChangePassword: users.mustChangePassword,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return { status: 'none' };
  const idleMs = Date.now() - row.lastSeenAt.getTime();
  if (row.isDisabled || idleMs > idleTimeoutMinutes * 60_000) {
    await executor.delete(sessions).where(eq(sessions.id, id));
    return { status: 'expired' };
  }
  // Touch at most once a minute: enough for a 30-minute idle timeout, and keeps reads cheap.
  if (idleMs > 60_000)
    await executor.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
  return {
    status: 'active',
    mustChangePassword: row.mustChangePassword,
    secondFactorEnabled: row.totpEnabledAt !== null,
    actor: {
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      role: row.role as Role,
      enterpriseId: row.enterpriseId,
    },
  };
}

export async function destroySession(executor: Executor, token: string): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

export async function destroyUserSessions(executor: Executor, userId: number): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.userId, userId));
}
