import {
  addWorkingDays,
  DUE_SOON_DAYS,
  MissingWorkCalendarError,
  SERVICE_PROBLEM_OPEN_STATUSES,
} from '@kechuang/domain';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { loadWorkCalendar } from '../../core/calendar/work-calendar';
import { findUserIdsByRole, notifyUsers } from '../../core/notifications';
import type { Database } from '../../db/connection';
import { enterprises, serviceProblems, users } from '../../db/schema';
import { SERVICES_MESSAGES } from './messages';

/**
 * Daily: tickets still being worked on (已交办 or 重办) that are due within DUE_SOON_DAYS working
 * days, and those past their deadline, are notified to the accounts of the department they are
 * assigned to and to the bureau's staff. Each ticket is claimed row by row through the due date it
 * was last noticed for (`due_soon_noticed_for`, `overdue_noticed_for`), so a ticket is noticed once
 * per state, two servers never notice it twice, and a new deadline (an extension, a 重办) gives a
 * new notice. Returns the number of tickets noticed.
 */
export async function sendProblemDeadlineNotices(db: Database, asOf: string): Promise<number> {
  const year = Number(asOf.slice(0, 4));
  let soonUntil: string;
  try {
    soonUntil = addWorkingDays(asOf, DUE_SOON_DAYS, await loadWorkCalendar(db, [year, year + 1]));
  } catch (error) {
    // A year without a calendar: the administrator's home page names it; the notices wait for it.
    if (error instanceof MissingWorkCalendarError) return 0;
    throw error;
  }
  const candidates = await db
    .select({
      id: serviceProblems.id,
      dueOn: serviceProblems.dueOn,
      departmentId: serviceProblems.departmentId,
      description: serviceProblems.description,
      enterpriseName: enterprises.name,
      dueSoonNoticedFor: serviceProblems.dueSoonNoticedFor,
      overdueNoticedFor: serviceProblems.overdueNoticedFor,
    })
    .from(serviceProblems)
    .innerJoin(enterprises, eq(enterprises.id, serviceProblems.enterpriseId))
    .where(
      and(
        inArray(serviceProblems.status, [...SERVICE_PROBLEM_OPEN_STATUSES]),
        isNull(serviceProblems.closedOn),
        sql`${serviceProblems.dueOn} <= ${soonUntil}::date`,
      ),
    );
  if (candidates.length === 0) return 0;
  const staffIds = await findUserIdsByRole(db, ['staff']);
  let noticed = 0;
  for (const row of candidates) {
    const overdue = row.dueOn < asOf;
    const column = overdue ? serviceProblems.overdueNoticedFor : serviceProblems.dueSoonNoticedFor;
    if ((overdue ? row.overdueNoticedFor : row.dueSoonNoticedFor) === row.dueOn) continue;
    const claimed = await db.transaction(async (tx) => {
      const [claim] = await tx
        .update(serviceProblems)
        .set(overdue ? { overdueNoticedFor: row.dueOn } : { dueSoonNoticedFor: row.dueOn })
        .where(
          and(
            eq(serviceProblems.id, row.id),
            eq(serviceProblems.dueOn, row.dueOn),
            inArray(serviceProblems.status, [...SERVICE_PROBLEM_OPEN_STATUSES]),
            or(isNull(column), sql`${column} <> ${row.dueOn}::date`),
          ),
        )
        .returning({ id: serviceProblems.id });
      if (!claim) return false;
      const departmentUsers = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.role, 'department'),
            eq(users.departmentId, row.departmentId),
            eq(users.isDisabled, false),
          ),
        );
      const title = (overdue ? SERVICES_MESSAGES.overdueTitle : SERVICES_MESSAGES.dueSoonTitle)({
        serial: row.id,
        dueOn: row.dueOn,
      }).zh;
      await notifyUsers(tx, [...new Set([...departmentUsers.map((user) => user.id), ...staffIds])], {
        ...(overdue ? { kind: 'services.problem-overdue' } : { kind: 'services.problem-due-soon' }),
        title,
        body: `${row.enterpriseName}：${row.description}`,
        link: `/bureau/services/problems?open=${row.id}`,
      });
      return true;
    });
    if (claimed) noticed += 1;
  }
  return noticed;
}
