import { and, eq, inArray } from 'drizzle-orm';
import { notifications, users } from '../db/schema';
import type { Executor } from '../db/types';

export interface NotificationDraft {
  /** `<module>.<event>`, declared in the sending module's manifest (`notificationKinds`). */
  kind: string;
  title: string;
  body: string;
  link?: string | null;
}

/** In-app messages, written in the transaction of the change they announce. */
export async function notifyUsers(
  executor: Executor,
  userIds: number[],
  draft: NotificationDraft,
): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await executor
    .insert(notifications)
    .values(
      unique.map((userId) => ({ userId, title: draft.title, body: draft.body, link: draft.link ?? null })),
    );
}

export async function findEnterpriseUserIds(executor: Executor, enterpriseId: number): Promise<number[]> {
  const rows = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.enterpriseId, enterpriseId), eq(users.isDisabled, false)));
  return rows.map((row) => row.id);
}

export async function findUserIdsByRole(executor: Executor, roles: string[]): Promise<number[]> {
  const rows = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, roles), eq(users.isDisabled, false)));
  return rows.map((row) => row.id);
}
