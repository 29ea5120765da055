import { and, eq, gt, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { Database } from '../../db/connection';
import { reviewAssignments, reviewRounds } from '../../db/schema';
import { REVIEW_MESSAGES } from './messages';
import { notifyExperts } from './rounds-service';

/** Experts with an unfinished sheet are reminded when the deadline is this close. */
export const REVIEW_REMINDER_HOURS = 48;
/** …and not again within this many hours (a manual reminder counts too). */
const REMIND_AGAIN_AFTER_HOURS = 20;

/**
 * 评审截止提醒: for every released round whose deadline falls within the next 48 hours, reminds each
 * expert whose sheet is still open (invited or accepted, not submitted). Each assignment is claimed
 * row by row (`last_reminded_at`), so several instances, or the command and the daily job, never
 * send the same reminder twice.
 */
export async function sendReviewDeadlineReminders(db: Database, now: Date): Promise<number> {
  const horizon = new Date(now.getTime() + REVIEW_REMINDER_HOURS * 3600_000);
  const remindedBefore = new Date(now.getTime() - REMIND_AGAIN_AFTER_HOURS * 3600_000);
  const due = await db
    .select({
      id: reviewAssignments.id,
      roundId: reviewAssignments.roundId,
      expertId: reviewAssignments.expertId,
    })
    .from(reviewAssignments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewAssignments.roundId))
    .where(
      and(
        eq(reviewRounds.status, 'released'),
        gt(reviewRounds.deadline, now),
        lte(reviewRounds.deadline, horizon),
        inArray(reviewAssignments.status, ['invited', 'accepted']),
        or(isNull(reviewAssignments.lastRemindedAt), lt(reviewAssignments.lastRemindedAt, remindedBefore)),
      ),
    );
  let reminded = 0;
  for (const assignment of due) {
    reminded += await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(reviewAssignments)
        .set({ lastRemindedAt: now })
        .where(
          and(
            eq(reviewAssignments.id, assignment.id),
            inArray(reviewAssignments.status, ['invited', 'accepted']),
            or(
              isNull(reviewAssignments.lastRemindedAt),
              lt(reviewAssignments.lastRemindedAt, remindedBefore),
            ),
          ),
        )
        .returning({ id: reviewAssignments.id });
      if (!claimed) return 0;
      const [round] = await tx.select().from(reviewRounds).where(eq(reviewRounds.id, assignment.roundId));
      const deadline = new Date(round.deadline.getTime() + 8 * 3600_000)
        .toISOString()
        .slice(0, 16)
        .replace('T', ' ');
      await notifyExperts(tx, round, [assignment.expertId], {
        kind: 'reviews.deadline-near',
        title: REVIEW_MESSAGES.deadlineNearTitle({ roundTitle: round.title }).zh,
        body: REVIEW_MESSAGES.deadlineNearBody({ deadline }).zh,
      });
      return 1;
    });
  }
  return reminded;
}
