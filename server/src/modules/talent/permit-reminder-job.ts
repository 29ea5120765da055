import { addDays, chinaToday } from '@kechuang/domain';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { DailyJob } from '../../core/module';
import { findUserIdsByRole, notifyUsers } from '../../core/notifications';
import type { Database } from '../../db/connection';
import { talents } from '../../db/schema';

/** Days before a work permit expires that staff are told to arrange its renewal. */
export const PERMIT_RENEWAL_NOTICE_DAYS = 60;

/**
 * 外国人工作许可 renewal: each permit expiring within the notice period is announced to staff once
 * (the expiry date told is kept on the row, so a renewed permit with a new date is announced again).
 */
export async function remindPermitRenewals(db: Database, now: Date): Promise<number> {
  const today = chinaToday(now);
  const horizon = addDays(today, PERMIT_RENEWAL_NOTICE_DAYS);
  const validUntil = sql<string>`(${talents.foreign} ->> 'permitValidUntil')`;
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: talents.id, name: talents.name, validUntil: validUntil })
      .from(talents)
      .where(
        and(
          eq(talents.origin, 'foreign'),
          isNotNull(validUntil),
          sql`${validUntil}::date between ${today}::date and ${horizon}::date`,
          sql`${talents.permitRemindedFor} is distinct from ${validUntil}::date`,
        ),
      )
      .for('update');
    if (due.length === 0) return 0;
    const staff = await findUserIdsByRole(tx, ['staff']);
    for (const row of due) {
      await notifyUsers(tx, staff, {
        kind: 'talent.permit-expiring',
        title: `${row.name} 的外国人工作许可将于 ${row.validUntil} 到期`,
        body: '请提醒用人单位在许可到期前办理延期手续。',
        link: `/bureau/talent/foreign?open=${row.id}`,
      });
      await tx.update(talents).set({ permitRemindedFor: row.validUntil }).where(eq(talents.id, row.id));
    }
    return due.length;
  });
}

export const permitReminderJob: DailyJob = {
  name: 'talent-permit-renewal',
  description: `外籍人才工作许可到期前 ${PERMIT_RENEWAL_NOTICE_DAYS} 天提醒科技局办理延期`,
  run: async (db, now) => `外国人工作许可到期提醒 ${await remindPermitRenewals(db, now)} 人`,
};
