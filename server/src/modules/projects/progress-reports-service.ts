import {
  buildReportSchedule,
  listAllowedActions,
  type ProgressReport,
  type ProgressReportDetail,
  type ProgressReportStatus,
  type ProgressReportSubmit,
  progressReportWorkflow,
} from '@kechuang/domain';
import { and, asc, eq, gt, isNull, max, sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { ownsEnterprise } from '../../core/scope';
import { fireTransition, readHistory } from '../../core/workflow';
import type { Database, Executor } from '../../db/connection';
import {
  enterprises,
  planProjectProgressReports,
  planProjectReportSchedules,
  planProjects,
} from '../../db/schema';
import { PROJECT_MESSAGES } from './messages';
import {
  checkAttachments,
  describeFiles,
  effectiveEndOn,
  pickFiles,
  planProjectScope,
  today,
} from './supervision-shared';

export const DEFAULT_REPORT_INTERVAL_MONTHS = 6;
/** Projects whose reports are still expected. */
export const REPORTING_STATUSES = ['inProgress', 'suspended'];
export const OPEN_REPORT_STATUSES = ['pending', 'returned'];

const reportColumns = {
  id: planProjectProgressReports.id,
  projectId: planProjectProgressReports.projectId,
  projectNo: planProjects.projectNo,
  projectTitle: planProjects.title,
  projectStatus: planProjects.status,
  enterpriseId: planProjectProgressReports.enterpriseId,
  enterpriseName: enterprises.name,
  periodNo: planProjectProgressReports.periodNo,
  periodStart: planProjectProgressReports.periodStart,
  periodEnd: planProjectProgressReports.periodEnd,
  dueOn: planProjectProgressReports.dueOn,
  status: planProjectProgressReports.status,
  progress: planProjectProgressReports.progress,
  spentFen: planProjectProgressReports.spentFen,
  issues: planProjectProgressReports.issues,
  nextPlan: planProjectProgressReports.nextPlan,
  attachmentFileIds: planProjectProgressReports.attachmentFileIds,
  submittedAt: planProjectProgressReports.submittedAt,
  reviewOpinion: planProjectProgressReports.reviewOpinion,
  reviewedAt: planProjectProgressReports.reviewedAt,
  lastRemindedAt: planProjectProgressReports.lastRemindedAt,
  version: planProjectProgressReports.version,
};
export type ReportRow = Awaited<ReturnType<typeof selectReports>>[number];

export function selectReports(executor: Executor) {
  return executor
    .select(reportColumns)
    .from(planProjectProgressReports)
    .innerJoin(planProjects, eq(planProjects.id, planProjectProgressReports.projectId))
    .innerJoin(enterprises, eq(enterprises.id, planProjectProgressReports.enterpriseId))
    .$dynamic();
}

export function isReportOverdue(row: { status: string; dueOn: string }, asOf = today()): boolean {
  return OPEN_REPORT_STATUSES.includes(row.status) && row.dueOn < asOf;
}

export async function toReports(
  executor: Executor,
  actor: Actor,
  rows: ReportRow[],
): Promise<ProgressReport[]> {
  const files = await describeFiles(
    executor,
    rows.flatMap((row) => (Array.isArray(row.attachmentFileIds) ? (row.attachmentFileIds as number[]) : [])),
  );
  const asOf = today();
  return rows.map((row) => ({
    id: row.id,
    projectId: row.projectId,
    projectNo: row.projectNo,
    projectTitle: row.projectTitle,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    periodNo: row.periodNo,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    dueOn: row.dueOn,
    status: row.status as ProgressReportStatus,
    isOverdue: isReportOverdue(row, asOf),
    progress: (row.progress as ProgressReport['progress']) ?? [],
    spentFen: row.spentFen === null ? null : Number(row.spentFen),
    issues: row.issues,
    nextPlan: row.nextPlan,
    attachments: pickFiles(files, row.attachmentFileIds),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewOpinion: row.reviewOpinion,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    lastRemindedAt: row.lastRemindedAt?.toISOString() ?? null,
    version: row.version,
    allowedActions: REPORTING_STATUSES.includes(row.projectStatus)
      ? listAllowedActions(progressReportWorkflow, row.status as ProgressReportStatus, {
          role: actor.role,
          isOwner: ownsEnterprise(actor, row.enterpriseId),
        })
      : [],
  }));
}

export async function readReportInterval(executor: Executor, projectId: number): Promise<number> {
  const [row] = await executor
    .select({ intervalMonths: planProjectReportSchedules.intervalMonths })
    .from(planProjectReportSchedules)
    .where(eq(planProjectReportSchedules.projectId, projectId));
  return row?.intervalMonths ?? DEFAULT_REPORT_INTERVAL_MONTHS;
}

/**
 * Puts the project's report periods in place: periods after the last one already filed (or kept) are
 * (re)built from the interval and the current end date. Safe to run again; never touches filed reports.
 */
export async function syncReportSchedule(
  executor: Executor,
  project: { id: number; enterpriseId: number; startOn: string; endOn: string; extendedEndOn: string | null },
): Promise<void> {
  const intervalMonths = await readReportInterval(executor, project.id);
  // Periods still ahead and never filed are rebuilt; past-due and filed ones stay as they are.
  await executor
    .delete(planProjectProgressReports)
    .where(
      and(
        eq(planProjectProgressReports.projectId, project.id),
        eq(planProjectProgressReports.status, 'pending'),
        isNull(planProjectProgressReports.submittedAt),
        gt(planProjectProgressReports.dueOn, today()),
      ),
    );
  const [kept] = await executor
    .select({
      lastDue: max(planProjectProgressReports.dueOn),
      lastNo: max(planProjectProgressReports.periodNo),
    })
    .from(planProjectProgressReports)
    .where(eq(planProjectProgressReports.projectId, project.id));
  const lastDue = kept?.lastDue ?? null;
  const startOn = lastDue ?? project.startOn;
  const periods = buildReportSchedule({ startOn, endOn: effectiveEndOn(project), intervalMonths });
  const firstNo = (kept?.lastNo ?? 0) + 1;
  if (periods.length === 0) return;
  await executor
    .insert(planProjectProgressReports)
    .values(
      periods.map((period, index) => ({
        projectId: project.id,
        enterpriseId: project.enterpriseId,
        periodNo: firstNo + index,
        periodStart: period.periodStart,
        periodEnd: period.periodEnd,
        dueOn: period.dueOn,
        status: progressReportWorkflow.initial,
      })),
    )
    .onConflictDoNothing();
}

/** Builds the schedule of a project in execution that has none yet (its first look, or the daily job). */
export async function ensureReportSchedule(
  db: Database,
  project: {
    id: number;
    status: string;
    enterpriseId: number;
    startOn: string;
    endOn: string;
    extendedEndOn: string | null;
  },
): Promise<void> {
  if (!REPORTING_STATUSES.includes(project.status)) return;
  const [existing] = await db
    .select({ id: planProjectProgressReports.id })
    .from(planProjectProgressReports)
    .where(eq(planProjectProgressReports.projectId, project.id))
    .limit(1);
  if (existing) return;
  await db.transaction((tx) => syncReportSchedule(tx, project));
}

export async function listProjectReports(executor: Executor, actor: Actor, projectId: number) {
  const rows = await selectReports(executor)
    .where(eq(planProjectProgressReports.projectId, projectId))
    .orderBy(asc(planProjectProgressReports.periodNo));
  return toReports(executor, actor, rows);
}

export async function loadScopedReport(executor: Executor, actor: Actor, id: number): Promise<ReportRow> {
  const [row] = await selectReports(executor).where(
    and(eq(planProjectProgressReports.id, id), planProjectScope(actor)),
  );
  if (!row) throw notFound();
  return row;
}

export async function readProgressReport(
  db: Database,
  options: { actor: Actor; id: number },
): Promise<ProgressReportDetail> {
  const row = await loadScopedReport(db, options.actor, options.id);
  const [report] = await toReports(db, options.actor, [row]);
  return { report, history: await readHistory(db, progressReportWorkflow.name, row.id) };
}

/** The enterprise files a period's report (or refiles a returned one). */
export async function submitProgressReport(
  db: Database,
  options: { id: number; input: ProgressReportSubmit; context: RequestContext },
): Promise<ProgressReportDetail> {
  const { input, context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const row = await loadScopedReport(db, actor, options.id);
  if (!REPORTING_STATUSES.includes(row.projectStatus)) throw new AppError(409, 'transitionNotAllowed');
  await db.transaction(async (tx) => {
    await checkAttachments(tx, {
      fileIds: input.attachmentFileIds,
      enterpriseId: row.enterpriseId,
      language: context.language,
    });
    await fireTransition(tx, {
      definition: progressReportWorkflow,
      table: 'plan_project_progress_reports',
      objectId: row.id,
      action: 'submit',
      expectedVersion: input.version,
      context,
      isOwner: ownsEnterprise(actor, row.enterpriseId),
      ownerEnterpriseId: row.enterpriseId,
      subject: PROJECT_MESSAGES.reportSubject(row).zh,
      link: `/bureau/projects/${row.projectId}`,
      extraAssignments: [
        sql`progress = ${JSON.stringify(input.progress)}::jsonb`,
        sql`spent_fen = ${input.spentFen}`,
        sql`issues = ${input.issues}`,
        sql`next_plan = ${input.nextPlan}`,
        sql`attachment_file_ids = ${JSON.stringify(input.attachmentFileIds)}::jsonb`,
        sql`submitted_at = now()`,
      ],
    });
  });
  return readProgressReport(db, { actor, id: row.id });
}

/** Staff accept a report or return it with the reason. */
export async function reviewProgressReport(
  db: Database,
  options: {
    id: number;
    action: 'accept' | 'return';
    version: number;
    comment?: string;
    context: RequestContext;
  },
): Promise<ProgressReportDetail> {
  const { context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const row = await loadScopedReport(db, actor, options.id);
  await db.transaction(async (tx) => {
    await fireTransition(tx, {
      definition: progressReportWorkflow,
      table: 'plan_project_progress_reports',
      objectId: row.id,
      action: options.action,
      expectedVersion: options.version,
      comment: options.comment,
      context,
      isOwner: false,
      ownerEnterpriseId: row.enterpriseId,
      subject: PROJECT_MESSAGES.reportSubject(row).zh,
      link: `/enterprise/projects/${row.projectId}`,
      extraAssignments: [sql`review_opinion = ${options.comment?.trim() || null}`, sql`reviewed_at = now()`],
    });
  });
  return readProgressReport(db, { actor, id: row.id });
}
