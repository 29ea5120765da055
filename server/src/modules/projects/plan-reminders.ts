import { and, eq, isNull, lt } from 'drizzle-orm';
import { findUserIdsByRole, notifyUsers } from '../../core/notifications';
import type { Database } from '../../db/connection';
import { publicityNotices } from '../../db/schema';
import { PROJECT_MESSAGES } from './messages';

/**
 * Tells staff about every 公示 whose period has ended and whose projects are not yet established.
 * Each notice is claimed with a guarded UPDATE first, so a second run never tells twice.
 */
export async function sendPublicityEndedReminders(db: Database, asOf: string): Promise<number> {
  const due = await db
    .select({ id: publicityNotices.id, title: publicityNotices.title, endOn: publicityNotices.endOn })
    .from(publicityNotices)
    .where(
      and(
        isNull(publicityNotices.establishedAt),
        isNull(publicityNotices.endedReminderSentAt),
        lt(publicityNotices.endOn, asOf),
      ),
    );
  let sent = 0;
  for (const notice of due) {
    const claimed = await db.transaction(async (tx) => {
      const [claim] = await tx
        .update(publicityNotices)
        .set({ endedReminderSentAt: new Date() })
        .where(and(eq(publicityNotices.id, notice.id), isNull(publicityNotices.endedReminderSentAt)))
        .returning({ id: publicityNotices.id });
      if (!claim) return false;
      await notifyUsers(tx, await findUserIdsByRole(tx, ['staff']), {
        kind: 'projects.publicity-ended',
        title: PROJECT_MESSAGES.publicityEndedTitle({ noticeTitle: notice.title }).zh,
        body: PROJECT_MESSAGES.publicityEndedBody({ endOn: notice.endOn }).zh,
        link: `/bureau/projects/publicity?notice=${notice.id}`,
      });
      return true;
    });
    if (claimed) sent += 1;
  }
  return sent;
}
