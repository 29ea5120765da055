import {
  MissingWorkCalendarError,
  registrationWarnFrom,
  TECH_CONTRACT_PENDING_STATUSES,
} from '@kechuang/domain';
import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { loadWorkCalendar } from '../../core/calendar/work-calendar';
import { findUserIdsByRole, notifyUsers } from '../../core/notifications';
import type { Database } from '../../db/connection';
import { techContracts } from '../../db/schema';
import { readTechTransferSettings } from './settings';

/**
 * Warns the 登记员 about contracts whose time limit lapses within the warning window (and about
 * lapsed ones). Each contract is claimed row by row through `warned_due_on`, so two servers never
 * warn twice; a restarted clock (补正) gives a new due date and so a new warning.
 */
export async function sendRegistrationDeadlineWarnings(db: Database, asOf: string): Promise<number> {
  const { timeLimits } = await readTechTransferSettings(db);
  const pending = await db
    .select()
    .from(techContracts)
    .where(
      and(
        inArray(techContracts.status, [...TECH_CONTRACT_PENDING_STATUSES]),
        isNotNull(techContracts.dueOn),
        or(
          sql`${techContracts.warnedDueOn} is null`,
          sql`${techContracts.warnedDueOn} <> ${techContracts.dueOn}`,
        ),
      ),
    );
  if (pending.length === 0) return 0;
  const year = Number(asOf.slice(0, 4));
  const calendar = await loadWorkCalendar(db, [year - 1, year, year + 1]);
  let warned = 0;
  for (const row of pending) {
    if (!row.acceptedOn || !row.timeLimitDays || !row.dueOn) continue;
    let warnFrom: string;
    try {
      warnFrom = registrationWarnFrom(row.acceptedOn, row.timeLimitDays, calendar, timeLimits);
    } catch (error) {
      // A year without a calendar: the administrator's home page names it; the warning waits for it.
      if (error instanceof MissingWorkCalendarError) continue;
      throw error;
    }
    if (warnFrom > asOf) continue;
    const dueOn = row.dueOn;
    const claimed = await db.transaction(async (tx) => {
      const [claim] = await tx
        .update(techContracts)
        .set({ warnedDueOn: dueOn })
        .where(
          and(
            eq(techContracts.id, row.id),
            eq(techContracts.dueOn, dueOn),
            or(sql`${techContracts.warnedDueOn} is null`, sql`${techContracts.warnedDueOn} <> ${dueOn}`),
          ),
        )
        .returning({ id: techContracts.id });
      if (!claim) return false;
      const body = `${row.sellerName} 的技术合同应于 ${dueOn} 前办结（${row.timeLimitDays} 个工作日）。`;
      const link = `/tech-transfer/contracts/${row.id}`;
      await notifyUsers(
        tx,
        await findUserIdsByRole(tx, ['staff']),
        dueOn < asOf
          ? {
              kind: 'tech-transfer.registration-overdue',
              title: `技术合同登记已超期：${row.title}`,
              body,
              link,
            }
          : {
              kind: 'tech-transfer.registration-due',
              title: `技术合同登记即将到期：${row.title}`,
              body,
              link,
            },
      );
      return true;
    });
    if (claimed) warned += 1;
  }
  return warned;
}
