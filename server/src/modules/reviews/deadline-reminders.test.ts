import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notifications, reviewAssignments, reviewItems, reviewRounds } from '../../db/schema';
import { buildSession } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { sendReviewDeadlineReminders } from './deadline-reminders';
import { buildExpert } from './review-fixtures';

const suite = useTestApp({});

const HOUR = 3600_000;

async function roundWithSheet(deadline: Date, status: string, sheetStatus: string) {
  const staff = await buildSession(suite.test.app, suite.test.db, 'staff');
  const expert = await buildExpert(suite.test.app, suite.test.db, staff);
  const [round] = await suite.test.db
    .insert(reviewRounds)
    .values({
      title: `截止提醒测试评审${expert.id}`,
      subjectType: 'project-application',
      mode: 'online',
      rubric: { criteria: [], hasVote: false },
      reviewersPerItem: 1,
      loadCap: 5,
      deadline,
      status,
    })
    .returning();
  const [item] = await suite.test.db
    .insert(reviewItems)
    .values({
      roundId: round.id,
      subjectType: 'project-application',
      subjectId: 1,
      title: '测试项目',
      conflictSubject: {},
    })
    .returning();
  await suite.test.db.insert(reviewAssignments).values({
    roundId: round.id,
    itemId: item.id,
    expertId: expert.id,
    status: sheetStatus,
    source: 'manual',
  });
  return { expert, round };
}

async function remindersOf(roundTitle: string) {
  const rows = await suite.test.db
    .select()
    .from(notifications)
    .where(eq(notifications.title, `评审即将截止：${roundTitle}`));
  return rows.length;
}

describe('评审截止提醒', () => {
  it('reminds an open sheet once when the deadline is within 48 hours, and not a submitted one or a far deadline', async () => {
    const now = new Date();
    const soon = await roundWithSheet(new Date(now.getTime() + 24 * HOUR), 'released', 'accepted');
    const submitted = await roundWithSheet(new Date(now.getTime() + 24 * HOUR), 'released', 'submitted');
    const far = await roundWithSheet(new Date(now.getTime() + 5 * 24 * HOUR), 'released', 'invited');
    const hidden = await roundWithSheet(new Date(now.getTime() + 24 * HOUR), 'draft', 'invited');

    await sendReviewDeadlineReminders(suite.test.db, now);
    expect(await remindersOf(soon.round.title)).toBe(1);
    expect(await remindersOf(submitted.round.title)).toBe(0);
    expect(await remindersOf(far.round.title)).toBe(0);
    expect(await remindersOf(hidden.round.title)).toBe(0);

    // Run again the same day (a second instance, or the command): nothing is sent twice.
    await Promise.all([
      sendReviewDeadlineReminders(suite.test.db, now),
      sendReviewDeadlineReminders(suite.test.db, now),
    ]);
    expect(await remindersOf(soon.round.title)).toBe(1);

    // A day later, still unfinished: one more.
    await sendReviewDeadlineReminders(suite.test.db, new Date(now.getTime() + 21 * HOUR));
    expect(await remindersOf(soon.round.title)).toBe(2);
    const [sheet] = await suite.test.db
      .select()
      .from(reviewAssignments)
      .where(and(eq(reviewAssignments.roundId, soon.round.id)));
    expect(sheet.lastRemindedAt).not.toBeNull();
  });
});
