import { addDays, type OverdueQuery, REPORT_REMINDER_DAYS } from '@kechuang/domain';
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { findEnterpriseUserIds, findUserIdsByRole, notifyUsers } from '../../core/notifications';
import type { Database, Executor } from '../../db/connection';
import { enterprises, planProjectProgressReports, planProjects } from '../../db/schema';
import { enterpriseKeywordCondition } from '../cultivation';
import { PROJECT_MESSAGES } from './messages';
import {
  ensureReportSchedule,
  loadScopedReport,
  OPEN_REPORT_STATUSES,
  REPORTING_STATUSES,
  type ReportRow,
  selectReports,
  toReports,
} from './progress-reports-service';
import { planProjectScope, today } from './supervision-shared';

function overdueCondition(asOf: string) {
  return and(
    inArray(planProjectProgressReports.status, OPEN_REPORT_STATUSES),
    lt(planProjectProgressReports.dueOn, asOf),
    inArray(planProjects.status, REPORTING_STATUSES),
  );
}

export async function listOverdueReports(db: Database, options: { actor: Actor; query: OverdueQuery }) {
  const { query } = options;
  const where = and(
    overdueCondition(today()),
    planProjectScope(options.actor),
    enterpriseKeywordCondition(query.keyword),
  );
  const direction = query.order === 'desc' ? desc : asc;
  const [rows, [{ total }]] = await Promise.all([
    selectReports(db)
      .where(where)
      .orderBy(direction(planProjectProgressReports.dueOn), asc(planProjectProgressReports.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(planProjectProgressReports)
      .innerJoin(planProjects, eq(planProjects.id, planProjectProgressReports.projectId))
      .innerJoin(enterprises, eq(enterprises.id, planProjectProgressReports.enterpriseId))
      .where(where),
  ]);
  return {
    items: await toReports(db, options.actor, rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function remindOne(executor: Executor, context: RequestContext, row: ReportRow): Promise<void> {
  const users = await findEnterpriseUserIds(executor, row.enterpriseId);
  await notifyUsers(executor, users, {
    kind: 'projects.progress-report-overdue',
    title: PROJECT_MESSAGES.reportUrgeTitle(row).zh,
    body: PROJECT_MESSAGES.reportUrgeBody(row).zh,
    link: `/enterprise/projects/${row.projectId}`,
  });
  await executor
    .update(planProjectProgressReports)
    .set({ lastRemindedAt: new Date() })
    .where(eq(planProjectProgressReports.id, row.id));
  await recordAudit(executor, context, {
    event: 'project-progress-report.remind',
    objectType: 'plan_project_progress_reports',
    objectId: row.id,
    after: { dueOn: row.dueOn, enterpriseId: row.enterpriseId },
  });
}

/** Staff remind the enterprise of one open report (the one-click reminder of the overdue list). */
export async function remindReport(db: Database, options: { id: number; context: RequestContext }) {
  const actor = options.context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const row = await loadScopedReport(db, actor, options.id);
  if (!OPEN_REPORT_STATUSES.includes(row.status) || !REPORTING_STATUSES.includes(row.projectStatus))
    throw new AppError(409, 'transitionNotAllowed');
  await db.transaction((tx) => remindOne(tx, options.context, row));
  return { reminded: 1 };
}

/** Staff remind every enterprise with an overdue report, at once. */
export async function remindAllOverdue(db: Database, options: { context: RequestContext }) {
  const rows = await selectReports(db).where(overdueCondition(today()));
  await db.transaction(async (tx) => {
    for (const row of rows) await remindOne(tx, options.context, row);
  });
  return { reminded: rows.length };
}

/**
 * The daily job: reminds enterprises of reports due within REPORT_REMINDER_DAYS, and marks and announces
 * reports that became overdue (to the enterprise and to staff). Each report is claimed with a guarded
 * UPDATE first, so two runs never notify twice. Also builds missing schedules of running projects.
 */
export async function sendProgressReportReminders(
  db: Database,
  asOf: string,
): Promise<{ reminded: number; overdue: number }> {
  const unscheduled = await db
    .select({
      id: planProjects.id,
      status: planProjects.status,
      enterpriseId: planProjects.enterpriseId,
      startOn: planProjects.startOn,
      endOn: planProjects.endOn,
      extendedEndOn: planProjects.extendedEndOn,
    })
    .from(planProjects)
    .where(
      and(
        inArray(planProjects.status, REPORTING_STATUSES),
        sql`not exists (select 1 from plan_project_progress_reports r where r.project_id = ${planProjects.id})`,
      ),
    );
  for (const project of unscheduled) await ensureReportSchedule(db, project);

  const upcoming = await selectReports(db).where(
    and(
      inArray(planProjectProgressReports.status, OPEN_REPORT_STATUSES),
      isNull(planProjectProgressReports.reminderSentAt),
      lte(planProjectProgressReports.dueOn, addDays(asOf, REPORT_REMINDER_DAYS)),
      gt(planProjectProgressReports.dueOn, asOf),
      inArray(planProjects.status, REPORTING_STATUSES),
    ),
  );
  let reminded = 0;
  for (const row of upcoming) {
    const claimed = await db.transaction(async (tx) => {
      const [claim] = await tx
        .update(planProjectProgressReports)
        .set({ reminderSentAt: new Date() })
        .where(
          and(eq(planProjectProgressReports.id, row.id), isNull(planProjectProgressReports.reminderSentAt)),
        )
        .returning({ id: planProjectProgressReports.id });
      if (!claim) return false;
      await notifyUsers(tx, await findEnterpriseUserIds(tx, row.enterpriseId), {
        kind: 'projects.progress-report-due',
        title: PROJECT_MESSAGES.reportDueSoonTitle(row).zh,
        body: PROJECT_MESSAGES.reportDueSoonBody(row).zh,
        link: `/enterprise/projects/${row.projectId}`,
      });
      return true;
    });
    if (claimed) reminded += 1;
  }

  const late = await selectReports(db).where(
    and(overdueCondition(asOf), isNull(planProjectProgressReports.overdueNotifiedAt)),
  );
  let overdue = 0;
  for (const row of late) {
    const claimed = await db.transaction(async (tx) => {
      const [claim] = await tx
        .update(planProjectProgressReports)
        .set({ overdueNotifiedAt: new Date() })
        .where(
          and(
            eq(planProjectProgressReports.id, row.id),
            isNull(planProjectProgressReports.overdueNotifiedAt),
          ),
        )
        .returning({ id: planProjectProgressReports.id });
      if (!claim) return false;
      const enterpriseUsers = await findEnterpriseUserIds(tx, row.enterpriseId);
      const title = PROJECT_MESSAGES.reportOverdueTitle(row).zh;
      const body = PROJECT_MESSAGES.reportOverdueBody(row).zh;
      const kind = 'projects.progress-report-overdue';
      await notifyUsers(tx, enterpriseUsers, {
        kind,
        title,
        body,
        link: `/enterprise/projects/${row.projectId}`,
      });
      const staff = await findUserIdsByRole(tx, ['staff']);
      await notifyUsers(
        tx,
        staff.filter((id) => !enterpriseUsers.includes(id)),
        { kind, title, body, link: '/bureau/project-supervision/overdue-reports' },
      );
      return true;
    });
    if (claimed) overdue += 1;
  }
  return { reminded, overdue };
}
