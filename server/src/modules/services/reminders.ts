import { and, eq, isNotNull } from 'drizzle-orm';
import { notifyUsers } from '../../core/notifications';
import type { Database } from '../../db/connection';
import { notifications, serviceEventSignups, serviceEvents, users } from '../../db/schema';
import { SERVICES_MESSAGES } from './messages';

const nextDay = (date: string) => {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + 1);
  return value.toISOString().slice(0, 10);
};

/**
 * The day before an event, each signed-up enterprise's users are reminded of it with their check-in
 * code. A user already reminded of the event (same title and link) is not reminded again, so a
 * second run on the same day sends nothing.
 */
export async function sendEventReminders(db: Database, asOf: string): Promise<number> {
  const tomorrow = nextDay(asOf);
  const rows = await db
    .select({
      eventId: serviceEvents.id,
      title: serviceEvents.title,
      startTime: serviceEvents.startTime,
      place: serviceEvents.place,
      onlineLink: serviceEvents.onlineLink,
      code: serviceEventSignups.code,
      userId: users.id,
    })
    .from(serviceEventSignups)
    .innerJoin(serviceEvents, eq(serviceEvents.id, serviceEventSignups.eventId))
    .innerJoin(
      users,
      and(eq(users.enterpriseId, serviceEventSignups.enterpriseId), eq(users.isDisabled, false)),
    )
    .where(and(eq(serviceEvents.heldOn, tomorrow), isNotNull(serviceEventSignups.enterpriseId)));
  let sent = 0;
  for (const row of rows) {
    const title = SERVICES_MESSAGES.reminderTitle({ title: row.title }).zh;
    const link = `/enterprise/services/events?event=${row.eventId}`;
    const done = await db.transaction(async (tx) => {
      const [already] = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, row.userId),
            eq(notifications.title, title),
            eq(notifications.link, link),
          ),
        );
      if (already) return false;
      await notifyUsers(tx, [row.userId], {
        kind: 'services.event-reminder',
        title,
        body: `${tomorrow} ${row.startTime}，${row.place ?? row.onlineLink ?? ''}。签到码：${row.code}`,
        link,
      });
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}
