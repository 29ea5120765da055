import {
  listAllowedActions,
  type PlanProject,
  type PlanProjectDetail,
  type PlanProjectListQuery,
  type PlanProjectStatus,
  planProjectWorkflow,
  type TaskContract,
  type TaskContractContent,
  type TaskContractStatus,
  taskContractWorkflow,
} from '@kechuang/domain';
import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/context';
import { notFound } from '../../core/errors';
import { readHistory } from '../../core/workflow';
import type { Database, Executor } from '../../db/connection';
import {
  disbursementPlans,
  enterprises,
  planCalls,
  planProjects,
  projectPayments,
  storedFiles,
  taskContracts,
} from '../../db/schema';

/** Which projects a role sees: the bureau all, an enterprise its own. */
export function planProjectScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'staff':
    case 'leader':
      return sql`true`;
    case 'enterprise':
      return actor.enterpriseId === null ? sql`false` : eq(planProjects.enterpriseId, actor.enterpriseId);
    default:
      return sql`false`;
  }
}

const columns = {
  id: planProjects.id,
  projectNo: planProjects.projectNo,
  title: planProjects.title,
  enterpriseId: planProjects.enterpriseId,
  enterpriseName: enterprises.name,
  callId: planProjects.callId,
  callTitle: planCalls.title,
  year: planCalls.year,
  status: planProjects.status,
  principalName: planProjects.principalName,
  approvedFen: planProjects.approvedFen,
  paidFen: sql<number>`(select coalesce(sum(p.amount_fen), 0)::bigint from project_payments p where p.plan_project_id = ${planProjects.id})`,
  startOn: planProjects.startOn,
  endOn: planProjects.endOn,
  establishedAt: planProjects.establishedAt,
  contractStatus: taskContracts.status,
  version: planProjects.version,
};

type Row = {
  [K in keyof typeof columns]: unknown;
} & { establishedAt: Date; status: string; contractStatus: string | null; paidFen: number | string };

function toProject(row: Row): PlanProject {
  return {
    ...(row as unknown as PlanProject),
    paidFen: Number(row.paidFen),
    approvedFen: Number(row.approvedFen),
    status: row.status as PlanProjectStatus,
    contractStatus: row.contractStatus as TaskContractStatus | null,
    establishedAt: row.establishedAt.toISOString(),
  };
}

function baseQuery(executor: Executor) {
  return executor
    .select(columns)
    .from(planProjects)
    .innerJoin(enterprises, eq(enterprises.id, planProjects.enterpriseId))
    .innerJoin(planCalls, eq(planCalls.id, planProjects.callId))
    .leftJoin(taskContracts, eq(taskContracts.planProjectId, planProjects.id));
}

export async function listPlanProjects(db: Database, options: { actor: Actor; query: PlanProjectListQuery }) {
  const { query } = options;
  const keyword = query.keyword ? `%${query.keyword.replace(/[%_\\]/g, '\\$&')}%` : null;
  const where = and(
    planProjectScope(options.actor),
    query.year === undefined ? undefined : eq(planCalls.year, query.year),
    query.status === undefined ? undefined : eq(planProjects.status, query.status),
    keyword
      ? or(
          ilike(planProjects.title, keyword),
          ilike(planProjects.projectNo, keyword),
          ilike(enterprises.name, keyword),
        )
      : undefined,
  );
  const direction = query.order === 'asc' ? asc : desc;
  const sortColumn = query.sort === 'projectNo' ? planProjects.projectNo : planProjects.establishedAt;
  const [rows, [{ total }]] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(direction(sortColumn), direction(planProjects.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(planProjects)
      .innerJoin(enterprises, eq(enterprises.id, planProjects.enterpriseId))
      .innerJoin(planCalls, eq(planCalls.id, planProjects.callId))
      .where(where),
  ]);
  return {
    items: rows.map((row) => toProject(row as Row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function readScopedProject(executor: Executor, actor: Actor, id: number): Promise<PlanProject> {
  const [row] = await baseQuery(executor).where(and(eq(planProjects.id, id), planProjectScope(actor)));
  if (!row) throw notFound();
  return toProject(row as Row);
}

async function readContract(
  executor: Executor,
  actor: Actor,
  project: PlanProject,
): Promise<TaskContract | null> {
  const [row] = await executor
    .select({
      id: taskContracts.id,
      status: taskContracts.status,
      content: taskContracts.content,
      revision: taskContracts.revision,
      signedFileId: taskContracts.signedFileId,
      signedFileName: storedFiles.fileName,
      version: taskContracts.version,
    })
    .from(taskContracts)
    .leftJoin(storedFiles, eq(storedFiles.id, taskContracts.signedFileId))
    .where(eq(taskContracts.planProjectId, project.id));
  if (!row) return null;
  const status = row.status as TaskContractStatus;
  return {
    ...row,
    status,
    content: row.content as TaskContractContent,
    allowedActions: listAllowedActions(taskContractWorkflow, status, {
      role: actor.role,
      isOwner: actor.role === 'enterprise' && actor.enterpriseId === project.enterpriseId,
    }),
    history: await readHistory(executor, taskContractWorkflow.name, row.id),
  };
}

export async function readPlanProject(
  db: Executor,
  options: { actor: Actor; id: number },
): Promise<PlanProjectDetail> {
  const { actor } = options;
  const project = await readScopedProject(db, actor, options.id);
  const [plan] = await db
    .select()
    .from(disbursementPlans)
    .where(eq(disbursementPlans.planProjectId, project.id));
  const payments = await db
    .select({
      id: projectPayments.id,
      planProjectId: projectPayments.planProjectId,
      paidOn: projectPayments.paidOn,
      amountFen: projectPayments.amountFen,
      voucherNo: projectPayments.voucherNo,
      note: projectPayments.note,
      version: projectPayments.version,
    })
    .from(projectPayments)
    .where(eq(projectPayments.planProjectId, project.id))
    .orderBy(asc(projectPayments.paidOn), asc(projectPayments.id));
  return {
    project,
    allowedActions: listAllowedActions(planProjectWorkflow, project.status, {
      role: actor.role,
      isOwner: actor.role === 'enterprise' && actor.enterpriseId === project.enterpriseId,
    }),
    contract: await readContract(db, actor, project),
    disbursementPlan: { version: plan?.version ?? 0, installments: plan?.installments ?? [] },
    payments: payments.map((payment) => ({ ...payment, amountFen: Number(payment.amountFen) })),
    history: await readHistory(db, planProjectWorkflow.name, project.id),
  };
}
