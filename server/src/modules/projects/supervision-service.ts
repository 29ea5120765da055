import {
  type AcceptanceDecision,
  computeCompletionRate,
  describeReportInterval,
  type FinalReport,
  listAllowedActions,
  maskIdNumber,
  PLAN_PROJECT_STATUSES,
  type PlanProjectStatus,
  planProjectWorkflow,
  type SupervisionProject,
  type SupervisionProjectDetail,
  type SupervisionProjectListQuery,
  suggestAcceptanceOutcome,
} from '@kechuang/domain';
import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Actor } from '../../core/context';
import { maskedPrincipalId } from '../../core/principal-id';
import { ownsEnterprise } from '../../core/scope';
import { readHistory } from '../../core/workflow';
import type { Database } from '../../db/connection';
import {
  enterprises,
  planCalls,
  planProjectAcceptanceDecisions,
  planProjectFinalReports,
  planProjectFundRecoveries,
  planProjectMidTermChecks,
  planProjects,
} from '../../db/schema';
import { listProjectChanges } from './changes-service';
import { PROJECT_MESSAGES } from './messages';
import { ensureReportSchedule, listProjectReports, readReportInterval } from './progress-reports-service';
import {
  describeFiles,
  loadCurrentPlan,
  loadScopedProject,
  pickFiles,
  planProjectScope,
  projectColumns,
} from './supervision-shared';

/** Actions of the plan-project lifecycle this module offers (the contract engineer's `startExecution` is not one). */
const SUPERVISION_ACTIONS = new Set([
  'suspend',
  'resume',
  'terminate',
  'revoke',
  'archive',
  'applyAcceptance',
  'accept',
  'requireRectification',
  'requireReconsideration',
  'fail',
  'closeWithoutPass',
]);

const nextReportDue = sql<
  string | null
>`(select min(r.due_on)::text from plan_project_progress_reports r where r.project_id = ${planProjects.id} and r.status in ('pending', 'returned'))`;
const overdueCount = sql<number>`(select count(*)::int from plan_project_progress_reports r where r.project_id = ${planProjects.id} and r.status in ('pending', 'returned') and r.due_on < current_date)`;
const pendingChangeCount = sql<number>`(select count(*)::int from plan_project_changes c where c.project_id = ${planProjects.id} and c.status = 'submitted')`;
const rectificationDue = sql<
  string | null
>`(select max(d.rectification_due_on)::text from plan_project_acceptance_decisions d where d.project_id = ${planProjects.id} and d.action = 'requireRectification')`;

const listColumns = {
  ...projectColumns,
  nextReportDue,
  overdueCount,
  pendingChangeCount,
  rectificationDue,
};
type ListRow = {
  [K in keyof typeof projectColumns]: unknown;
} & Record<string, unknown>;

function toProject(row: ListRow): SupervisionProject {
  const status = row.status as PlanProjectStatus;
  const endOn = (row.extendedEndOn as string | null) ?? (row.endOn as string);
  let nextDue: SupervisionProject['nextDue'] = null;
  const reporting = status === 'inProgress' || status === 'suspended';
  if (reporting && row.nextReportDue) nextDue = { kind: 'report', dueOn: row.nextReportDue as string };
  else if (status === 'inProgress') nextDue = { kind: 'finalReport', dueOn: endOn };
  else if (status === 'rectifying' && row.rectificationDue)
    nextDue = { kind: 'rectification', dueOn: row.rectificationDue as string };
  return {
    id: row.id as number,
    projectNo: row.projectNo as string,
    title: row.title as string,
    enterpriseId: row.enterpriseId as number,
    enterpriseName: row.enterpriseName as string,
    year: row.year as number,
    status,
    principalName: row.principalName as string | null,
    approvedFen: Number(row.approvedFen),
    startOn: row.startOn as string,
    endOn: row.endOn as string,
    extendedEndOn: row.extendedEndOn as string | null,
    acceptanceOutcome: row.acceptanceOutcome as string | null,
    nextDue,
    overdueReports: reporting ? Number(row.overdueCount ?? 0) : 0,
    pendingChanges: Number(row.pendingChangeCount ?? 0),
    version: row.version as number,
  };
}

const SORT_COLUMNS = {
  updatedAt: planProjects.updatedAt,
  startOn: planProjects.startOn,
  projectNo: planProjects.projectNo,
} as const;

export async function listSupervisionProjects(
  db: Database,
  options: { actor: Actor; query: SupervisionProjectListQuery },
) {
  const { query } = options;
  const keyword = query.keyword
    ? `%${query.keyword.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
    : undefined;
  const base = and(
    planProjectScope(options.actor),
    query.year === undefined ? undefined : eq(planCalls.year, query.year),
    keyword
      ? or(
          ilike(planProjects.title, keyword),
          ilike(planProjects.projectNo, keyword),
          ilike(enterprises.name, keyword),
        )
      : undefined,
  );
  const where = and(base, query.status === undefined ? undefined : eq(planProjects.status, query.status));
  const direction = query.order === 'asc' ? asc : desc;
  const from = () =>
    db
      .select(listColumns)
      .from(planProjects)
      .innerJoin(enterprises, eq(enterprises.id, planProjects.enterpriseId))
      .innerJoin(planCalls, eq(planCalls.id, planProjects.callId));
  const [rows, [{ total }], counts] = await Promise.all([
    from()
      .where(where)
      .orderBy(direction(SORT_COLUMNS[query.sort ?? 'updatedAt']), direction(planProjects.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(planProjects)
      .innerJoin(enterprises, eq(enterprises.id, planProjects.enterpriseId))
      .innerJoin(planCalls, eq(planCalls.id, planProjects.callId))
      .where(where),
    db
      .select({ status: planProjects.status, count: sql<number>`count(*)::int` })
      .from(planProjects)
      .innerJoin(enterprises, eq(enterprises.id, planProjects.enterpriseId))
      .innerJoin(planCalls, eq(planCalls.id, planProjects.callId))
      .where(base)
      .groupBy(planProjects.status),
  ]);
  const statusCounts: Record<string, number> = Object.fromEntries(
    PLAN_PROJECT_STATUSES.map((status) => [status, 0]),
  );
  for (const count of counts) statusCounts[count.status] = count.count;
  return {
    items: rows.map((row) => toProject(row as ListRow)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    statusCounts,
  };
}

export async function readSupervisionProject(
  db: Database,
  options: { actor: Actor; id: number },
): Promise<SupervisionProjectDetail> {
  const { actor } = options;
  const base = await loadScopedProject(db, actor, options.id);
  await ensureReportSchedule(db, base);
  const [row] = await db
    .select(listColumns)
    .from(planProjects)
    .innerJoin(enterprises, eq(enterprises.id, planProjects.enterpriseId))
    .innerJoin(planCalls, eq(planCalls.id, planProjects.callId))
    .where(eq(planProjects.id, base.id));
  const project = toProject(row as ListRow);
  const [intervalMonths, reports, changes, plan, midTerm, finals, decisions, recoveries, history] =
    await Promise.all([
      readReportInterval(db, base.id),
      listProjectReports(db, actor, base.id),
      listProjectChanges(db, actor, base.id),
      loadCurrentPlan(db, base),
      db.select().from(planProjectMidTermChecks).where(eq(planProjectMidTermChecks.projectId, base.id)),
      db
        .select()
        .from(planProjectFinalReports)
        .where(eq(planProjectFinalReports.projectId, base.id))
        .orderBy(asc(planProjectFinalReports.round)),
      db
        .select()
        .from(planProjectAcceptanceDecisions)
        .where(eq(planProjectAcceptanceDecisions.projectId, base.id))
        .orderBy(asc(planProjectAcceptanceDecisions.id)),
      db
        .select()
        .from(planProjectFundRecoveries)
        .where(eq(planProjectFundRecoveries.projectId, base.id))
        .orderBy(asc(planProjectFundRecoveries.id)),
      readHistory(db, planProjectWorkflow.name, base.id),
    ]);
  const targets = plan.content.targets.map((target, index) => ({
    index,
    name: target.name,
    unit: target.unit,
    value: target.value,
  }));
  const files = await describeFiles(
    db,
    finals.flatMap((report) =>
      Array.isArray(report.attachmentFileIds) ? (report.attachmentFileIds as number[]) : [],
    ),
  );
  const finalReports: FinalReport[] = finals.map((report) => {
    const reported = (report.targets as FinalReport['targets']) ?? [];
    return {
      id: report.id,
      round: report.round,
      summary: report.summary,
      targets: reported,
      financial: (report.financial as FinalReport['financial']) ?? [],
      completionRate: computeCompletionRate(reported),
      attachments: pickFiles(files, report.attachmentFileIds),
      submittedAt: report.createdAt.toISOString(),
    };
  });
  const latest = finalReports.at(-1);
  const rate = latest?.completionRate ?? null;
  const suggestion = latest ? suggestAcceptanceOutcome(rate) : null;
  const acceptanceDecisions: AcceptanceDecision[] = decisions.map((decision) => ({
    id: decision.id,
    action: decision.action as AcceptanceDecision['action'],
    opinion: decision.opinion,
    rectificationDueOn: decision.rectificationDueOn,
    decidedByName: decision.decidedByName,
    decidedAt: decision.createdAt.toISOString(),
  }));
  const isOwner = ownsEnterprise(actor, base.enterpriseId);
  return {
    project,
    principalIdNumber: maskedPrincipalId(base.principalIdNumberCipher),
    reportIntervalMonths: intervalMonths,
    reportKind: describeReportInterval(intervalMonths),
    reports,
    midTermCheck: midTerm[0]
      ? {
          id: midTerm[0].id,
          checkedOn: midTerm[0].checkedOn,
          method: midTerm[0].method as 'document',
          result: midTerm[0].result as 'good',
          opinion: midTerm[0].opinion,
          recordedByName: midTerm[0].recordedByName,
          version: midTerm[0].version,
        }
      : null,
    changes,
    members: plan.members,
    budget: plan.budget,
    targets,
    milestones: plan.content.milestones,
    finalReports,
    acceptanceDecisions,
    acceptanceGuidance: {
      completionRate: rate,
      suggestion: suggestion?.outcome ?? null,
      text: suggestion?.text ?? PROJECT_MESSAGES.noFinalReportYet,
    },
    rectificationUsed: acceptanceDecisions.some((decision) => decision.action === 'requireRectification'),
    extensionUsed:
      base.extendedEndOn !== null ||
      changes.some(
        (change) => change.kind === 'extension' && ['submitted', 'approved'].includes(change.status),
      ),
    fundRecoveries: recoveries.map((recovery) => ({
      id: recovery.id,
      kind: recovery.kind as 'terminate',
      amountFen: Number(recovery.amountFen),
      reason: recovery.reason,
      recordedByName: recovery.recordedByName,
      recordedAt: recovery.createdAt.toISOString(),
    })),
    allowedActions: listAllowedActions(planProjectWorkflow, project.status, {
      role: actor.role,
      isOwner,
    }).filter((action) => SUPERVISION_ACTIONS.has(action)),
    history,
  };
}
