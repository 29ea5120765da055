import {
  type ContractBudget,
  type DisbursementPlanBody,
  listAllowedActions,
  type PaymentBody,
  type PaymentUpdate,
  type PlanProject,
  type PlanProjectDetail,
  type PlanProjectListQuery,
  type PlanProjectStatus,
  planProjectWorkflow,
  sumBudgetRows,
  type TaskContract,
  type TaskContractContent,
  type TaskContractStatus,
  taskContractWorkflow,
} from '@kechuang/domain';
import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, notFound, versionConflict } from '../../core/errors';
import { storeFile } from '../../core/files';
import { fireTransition, readHistory } from '../../core/workflow';
import { type Database, type Executor, queryRows, type Transaction } from '../../db/connection';
import {
  disbursementPlans,
  enterprises,
  planCalls,
  planProjects,
  projectPayments,
  storedFiles,
  taskContracts,
} from '../../db/schema';
import { DetailedError, requireContextActor, wan, wanEn } from './approval-helpers';

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

async function lockContract(tx: Transaction, projectId: number) {
  const [row] = await queryRows<{
    id: number;
    status: string;
    version: number;
    content: TaskContractContent;
    revision: number;
  }>(
    tx,
    sql`select id, status, version, content, revision from task_contracts where plan_project_id = ${projectId} for update`,
  );
  if (!row) throw notFound();
  return row;
}

/** Staff edit the 任务书's budget table while it is drafted; the fiscal column must add up to the approved amount. */
export async function updateContractBudget(
  db: Database,
  options: { id: number; input: ContractBudget; context: RequestContext },
): Promise<PlanProjectDetail> {
  const { context, input } = options;
  const actor = requireContextActor(context.actor);
  await db.transaction(async (tx) => {
    const project = await readScopedProject(tx, actor, options.id);
    const contract = await lockContract(tx, project.id);
    if (Number(contract.version) !== input.version) throw versionConflict();
    if (contract.status !== 'drafted') throw new AppError(409, 'contractNotEditable');
    const sums = sumBudgetRows(input.rows);
    if (sums.fiscalFen !== project.approvedFen) {
      throw new DetailedError(
        422,
        'budgetSumMismatch',
        {
          zh: `预算表财政资金合计 ${wan(sums.fiscalFen)}，应等于批准资助金额 ${wan(project.approvedFen)}（相差 ${wan(Math.abs(sums.fiscalFen - project.approvedFen))}）`,
          en: `The fiscal column adds up to ${wanEn(sums.fiscalFen)}, not the approved ${wanEn(project.approvedFen)}`,
        },
        [{ path: 'rows.fiscalFen', message: '财政资金合计须等于批准资助金额' }],
      );
    }
    const content: TaskContractContent = { ...contract.content, budgetRows: input.rows };
    await tx
      .update(taskContracts)
      .set({
        content,
        revision: sql`${taskContracts.revision} + 1`,
        version: sql`${taskContracts.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(taskContracts.id, contract.id), eq(taskContracts.version, input.version)));
    await recordAudit(tx, context, {
      event: 'task-contract.budget',
      objectType: 'task_contracts',
      objectId: contract.id,
      before: { budgetRows: contract.content.budgetRows },
      after: { budgetRows: input.rows },
    });
  });
  return readPlanProject(db, { actor, id: options.id });
}

/** Issue, revise or confirm the 任务书; confirming puts it in force and starts the project's execution. */
export async function fireContractAction(
  db: Database,
  options: {
    id: number;
    action: 'issue' | 'confirm' | 'revise';
    version: number;
    comment?: string;
    context: RequestContext;
  },
): Promise<PlanProjectDetail> {
  const { context } = options;
  const actor = requireContextActor(context.actor);
  await db.transaction(async (tx) => {
    const project = await readScopedProject(tx, actor, options.id);
    const contract = await lockContract(tx, project.id);
    const isOwner = actor.role === 'enterprise' && actor.enterpriseId === project.enterpriseId;
    await fireTransition(tx, {
      definition: taskContractWorkflow,
      table: 'task_contracts',
      objectId: contract.id,
      action: options.action,
      expectedVersion: options.version,
      comment: options.comment,
      context,
      isOwner,
      ownerEnterpriseId: project.enterpriseId,
      subject: `任务书（${project.projectNo} ${project.title}）`,
      link: `/enterprise/projects/${project.id}`,
      extraAssignments: options.action === 'confirm' ? [sql`in_force_at = now()`] : [],
    });
    if (options.action === 'confirm') {
      await fireTransition(tx, {
        definition: planProjectWorkflow,
        table: 'plan_projects',
        objectId: project.id,
        action: 'startExecution',
        expectedVersion: project.version,
        context,
        isOwner,
        ownerEnterpriseId: project.enterpriseId,
        subject: `项目（${project.projectNo} ${project.title}）`,
        link: `/enterprise/projects/${project.id}`,
      });
    }
  });
  return readPlanProject(db, { actor, id: options.id });
}

/** The enterprise uploads the signed and sealed 任务书 scan (PDF/JPG/PNG), which moves it to 待确认. */
export async function uploadSignedContract(
  db: Database,
  options: { id: number; buffer: Buffer; fileName: string; version: number; context: RequestContext },
): Promise<PlanProjectDetail> {
  const { context } = options;
  const actor = requireContextActor(context.actor);
  await db.transaction(async (tx) => {
    const project = await readScopedProject(tx, actor, options.id);
    const contract = await lockContract(tx, project.id);
    if (/\.docx?$/i.test(options.fileName))
      throw new AppError(400, 'fileTypeNotAllowed', [
        { path: 'file', message: '签字盖章件请上传 PDF、JPG 或 PNG 扫描件' },
      ]);
    const file = await storeFile(tx, context, {
      buffer: options.buffer,
      fileName: options.fileName,
      purpose: 'signed-contract',
      ownerEnterpriseId: project.enterpriseId,
    });
    await fireTransition(tx, {
      definition: taskContractWorkflow,
      table: 'task_contracts',
      objectId: contract.id,
      action: 'uploadSigned',
      expectedVersion: options.version,
      context,
      isOwner: actor.role === 'enterprise' && actor.enterpriseId === project.enterpriseId,
      ownerEnterpriseId: project.enterpriseId,
      subject: `任务书（${project.projectNo} ${project.title}）`,
      link: `/bureau/projects/${project.id}`,
      extraAssignments: [sql`signed_file_id = ${file.id}`],
    });
  });
  return readPlanProject(db, { actor, id: options.id });
}

async function lockProject(tx: Transaction, actor: Actor, id: number) {
  const project = await readScopedProject(tx, actor, id);
  await tx.execute(sql`select id from plan_projects where id = ${project.id} for update`);
  return project;
}

function fundsExceeded(totalFen: number, approvedFen: number, what: Text2) {
  return new DetailedError(
    422,
    'fundsExceeded',
    {
      zh: `${what.zh}合计 ${wan(totalFen)}，超过项目批准资助金额 ${wan(approvedFen)} ${wan(totalFen - approvedFen)}`,
      en: `${what.en} add up to ${wanEn(totalFen)}, above the approved ${wanEn(approvedFen)}`,
    },
    [{ path: 'amountFen', message: `超出 ${wan(totalFen - approvedFen)}` }],
  );
}
type Text2 = { zh: string; en: string };

/** Saves the 拨付计划 as a whole; its installments may not add up to more than the approved amount. */
export async function saveDisbursementPlan(
  db: Database,
  options: { id: number; input: DisbursementPlanBody; context: RequestContext },
): Promise<PlanProjectDetail> {
  const { context, input } = options;
  const actor = requireContextActor(context.actor);
  await db.transaction(async (tx) => {
    const project = await lockProject(tx, actor, options.id);
    const total = input.installments.reduce((sum, item) => sum + item.amountFen, 0);
    if (total > project.approvedFen)
      throw fundsExceeded(total, project.approvedFen, { zh: '拨付计划', en: 'The installments' });
    const [existing] = await tx
      .select()
      .from(disbursementPlans)
      .where(eq(disbursementPlans.planProjectId, project.id));
    if ((existing?.version ?? 0) !== input.version) throw versionConflict();
    if (existing) {
      await tx
        .update(disbursementPlans)
        .set({ installments: input.installments, version: existing.version + 1, updatedAt: new Date() })
        .where(and(eq(disbursementPlans.id, existing.id), eq(disbursementPlans.version, input.version)));
    } else {
      await tx
        .insert(disbursementPlans)
        .values({ planProjectId: project.id, installments: input.installments });
    }
    await recordAudit(tx, context, {
      event: 'plan-project.disbursement-plan',
      objectType: 'plan_projects',
      objectId: project.id,
      before: existing?.installments ?? null,
      after: input.installments,
    });
  });
  return readPlanProject(db, { actor, id: options.id });
}

async function paidSoFar(tx: Executor, projectId: number, exceptPaymentId: number | null): Promise<number> {
  const [row] = await queryRows<{ fen: string }>(
    tx,
    sql`select coalesce(sum(amount_fen), 0) as fen from project_payments where plan_project_id = ${projectId} and id <> ${exceptPaymentId ?? 0}`,
  );
  return Number(row.fen);
}

/** Records one payment; the payments of a project may not exceed its approved amount. */
export async function recordPayment(
  db: Database,
  options: { id: number; input: PaymentBody; context: RequestContext },
): Promise<PlanProjectDetail> {
  const { context, input } = options;
  const actor = requireContextActor(context.actor);
  await db.transaction(async (tx) => {
    const project = await lockProject(tx, actor, options.id);
    const total = (await paidSoFar(tx, project.id, null)) + input.amountFen;
    if (total > project.approvedFen)
      throw fundsExceeded(total, project.approvedFen, { zh: '拨付金额', en: 'Payments' });
    const [row] = await tx
      .insert(projectPayments)
      .values({ planProjectId: project.id, ...input })
      .returning({ id: projectPayments.id });
    await recordAudit(tx, context, {
      event: 'plan-project.payment',
      objectType: 'project_payments',
      objectId: row.id,
      after: { planProjectId: project.id, ...input },
    });
  });
  return readPlanProject(db, { actor, id: options.id });
}

export async function updatePayment(
  db: Database,
  options: { id: number; input: PaymentUpdate; context: RequestContext },
): Promise<PlanProjectDetail> {
  const { context, input } = options;
  const actor = requireContextActor(context.actor);
  const projectId = await db.transaction(async (tx) => {
    const [payment] = await tx.select().from(projectPayments).where(eq(projectPayments.id, options.id));
    if (!payment) throw notFound();
    const project = await lockProject(tx, actor, payment.planProjectId);
    const total = (await paidSoFar(tx, project.id, payment.id)) + input.amountFen;
    if (total > project.approvedFen)
      throw fundsExceeded(total, project.approvedFen, { zh: '拨付金额', en: 'Payments' });
    const { version, ...values } = input;
    const updated = await tx
      .update(projectPayments)
      .set({ ...values, version: sql`${projectPayments.version} + 1`, updatedAt: new Date() })
      .where(and(eq(projectPayments.id, payment.id), eq(projectPayments.version, version)))
      .returning({ id: projectPayments.id });
    if (updated.length !== 1) throw versionConflict();
    await recordAudit(tx, context, {
      event: 'plan-project.payment.update',
      objectType: 'project_payments',
      objectId: payment.id,
      before: { paidOn: payment.paidOn, amountFen: payment.amountFen, voucherNo: payment.voucherNo },
      after: values,
    });
    return project.id;
  });
  return readPlanProject(db, { actor, id: projectId });
}

export async function findSignedContractFile(db: Database, actor: Actor, projectId: number) {
  const project = await readScopedProject(db, actor, projectId);
  const [row] = await db
    .select({ file: storedFiles })
    .from(taskContracts)
    .innerJoin(storedFiles, eq(storedFiles.id, taskContracts.signedFileId))
    .where(eq(taskContracts.planProjectId, project.id));
  if (!row) throw notFound();
  return row.file;
}
