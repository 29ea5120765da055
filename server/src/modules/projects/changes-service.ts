import {
  type ChangeQueueQuery,
  type ChangeRequest,
  type ChangeRequestCreate,
  type ChangeRequestDetail,
  checkBudgetAdjustment,
  checkExtension,
  listAllowedActions,
  type ProjectChangeAction,
  type ProjectChangeStatus,
  projectChangeWorkflow,
} from '@kechuang/domain';
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound } from '../../core/errors';
import { encryptPii } from '../../core/pii';
import { maskedPrincipalId, openPrincipalId, sealPrincipalId } from '../../core/principal-id';
import { ownsEnterprise } from '../../core/scope';
import { fireTransition, readHistory, recordInitialState } from '../../core/workflow';
import type { Database, Executor, Transaction } from '../../db/connection';
import { enterprises, planProjectChanges, planProjects } from '../../db/schema';
import { PROJECT_MESSAGES } from './messages';
import { syncReportSchedule } from './progress-reports-service';
import {
  checkAttachments,
  describeFiles,
  fieldError,
  loadCurrentPlan,
  loadScopedProject,
  type ProjectRow,
  pickFiles,
  planProjectScope,
  ruleConflict,
} from './supervision-shared';

/** Changes are asked for and decided while the project runs. */
const CHANGEABLE_STATUSES = ['inProgress', 'suspended'];

const changeColumns = {
  id: planProjectChanges.id,
  projectId: planProjectChanges.projectId,
  projectNo: planProjects.projectNo,
  projectTitle: planProjects.title,
  enterpriseId: planProjectChanges.enterpriseId,
  enterpriseName: enterprises.name,
  kind: planProjectChanges.kind,
  status: planProjectChanges.status,
  reason: planProjectChanges.reason,
  details: planProjectChanges.details,
  attachmentFileIds: planProjectChanges.attachmentFileIds,
  decisionOpinion: planProjectChanges.decisionOpinion,
  decidedAt: planProjectChanges.decidedAt,
  createdAt: planProjectChanges.createdAt,
  version: planProjectChanges.version,
};
type ChangeRow = Awaited<ReturnType<typeof selectChanges>>[number];

function selectChanges(executor: Executor) {
  return executor
    .select(changeColumns)
    .from(planProjectChanges)
    .innerJoin(planProjects, eq(planProjects.id, planProjectChanges.projectId))
    .innerJoin(enterprises, eq(enterprises.id, planProjectChanges.enterpriseId))
    .$dynamic();
}

export async function toChanges(
  executor: Executor,
  actor: Actor,
  rows: ChangeRow[],
): Promise<ChangeRequest[]> {
  const files = await describeFiles(
    executor,
    rows.flatMap((row) => (Array.isArray(row.attachmentFileIds) ? (row.attachmentFileIds as number[]) : [])),
  );
  return rows.map((row) => {
    const details = { ...(row.details as Record<string, unknown>) };
    if (typeof details.principalIdNumber === 'string')
      details.principalIdNumber = maskedPrincipalId(details.principalIdNumber);
    return {
      id: row.id,
      projectId: row.projectId,
      projectNo: row.projectNo,
      projectTitle: row.projectTitle,
      enterpriseId: row.enterpriseId,
      enterpriseName: row.enterpriseName,
      kind: row.kind as ChangeRequest['kind'],
      status: row.status as ProjectChangeStatus,
      reason: row.reason,
      details,
      attachments: pickFiles(files, row.attachmentFileIds),
      decisionOpinion: row.decisionOpinion,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      version: row.version,
      allowedActions: listAllowedActions(projectChangeWorkflow, row.status as ProjectChangeStatus, {
        role: actor.role,
        isOwner: ownsEnterprise(actor, row.enterpriseId),
      }),
    };
  });
}

export async function listProjectChanges(executor: Executor, actor: Actor, projectId: number) {
  const rows = await selectChanges(executor)
    .where(eq(planProjectChanges.projectId, projectId))
    .orderBy(desc(planProjectChanges.id));
  return toChanges(executor, actor, rows);
}

export async function listChangeQueue(db: Database, options: { actor: Actor; query: ChangeQueueQuery }) {
  const { query } = options;
  const where = and(
    planProjectScope(options.actor),
    query.status === undefined ? undefined : eq(planProjectChanges.status, query.status),
    query.kind === undefined ? undefined : eq(planProjectChanges.kind, query.kind),
    query.projectId === undefined ? undefined : eq(planProjectChanges.projectId, query.projectId),
  );
  const direction = query.order === 'asc' ? asc : desc;
  const sortColumn = query.sort === 'updatedAt' ? planProjectChanges.updatedAt : planProjectChanges.createdAt;
  const [rows, [{ total }]] = await Promise.all([
    selectChanges(db)
      .where(where)
      .orderBy(direction(sortColumn), direction(planProjectChanges.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(planProjectChanges)
      .innerJoin(planProjects, eq(planProjects.id, planProjectChanges.projectId))
      .where(where),
  ]);
  return {
    items: await toChanges(db, options.actor, rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function loadScopedChange(executor: Executor, actor: Actor, id: number): Promise<ChangeRow> {
  const [row] = await selectChanges(executor).where(
    and(eq(planProjectChanges.id, id), planProjectScope(actor)),
  );
  if (!row) throw notFound();
  return row;
}

export async function readChange(
  db: Database,
  options: { actor: Actor; id: number },
): Promise<ChangeRequestDetail> {
  const row = await loadScopedChange(db, options.actor, options.id);
  const [change] = await toChanges(db, options.actor, [row]);
  return { change, history: await readHistory(db, projectChangeWorkflow.name, row.id) };
}

async function hasOtherExtension(executor: Executor, project: ProjectRow, exceptId: number | null) {
  if (project.extendedEndOn) return true;
  const rows = await executor
    .select({ id: planProjectChanges.id })
    .from(planProjectChanges)
    .where(
      and(
        eq(planProjectChanges.projectId, project.id),
        eq(planProjectChanges.kind, 'extension'),
        inArray(planProjectChanges.status, ['submitted', 'approved']),
        exceptId === null ? undefined : ne(planProjectChanges.id, exceptId),
      ),
    );
  return rows.length > 0;
}

/** The rules of each kind of change, run at the request and again at the approval. */
async function checkChangeRules(
  executor: Executor,
  options: {
    project: ProjectRow;
    details: Record<string, unknown>;
    kind: string;
    exceptId: number | null;
    context: RequestContext;
  },
): Promise<void> {
  const { project, details, context } = options;
  const language = context.language;
  if (options.kind === 'extension') {
    const problem = checkExtension({
      endOn: project.endOn,
      newEndOn: String(details.newEndOn),
      hasOtherExtension: await hasOtherExtension(executor, project, options.exceptId),
    });
    if (problem) {
      if (problem.message.zh === PROJECT_MESSAGES.extensionTaken.zh)
        throw ruleConflict('extensionAlreadyUsed', problem.path, problem.message, language);
      throw fieldError(problem.path, problem.message, language);
    }
  }
  if (options.kind === 'budget') {
    const { budget } = await loadCurrentPlan(executor, project);
    const previousTotal =
      budget.length === 0
        ? null
        : budget.reduce((sum, row) => sum + row.fiscalFen + row.selfRaisedFen + row.otherFen, 0);
    const problems = checkBudgetAdjustment({
      rows: details.budget as never,
      approvedFen: Number(project.approvedFen),
      previousTotalFen: previousTotal,
    });
    if (problems.length > 0)
      throw new AppError(
        400,
        'validation',
        problems.map((problem) => ({
          path: problem.path,
          message: language === 'en' ? problem.message.en : problem.message.zh,
        })),
      );
  }
  if (options.kind === 'members') {
    const principals = (details.members as { role: string }[]).filter(
      (member) => member.role === 'principal',
    );
    if (principals.length > 1) throw fieldError('members', PROJECT_MESSAGES.onePrincipal, language);
  }
}

/** The enterprise asks for a change of its running project. */
export async function requestChange(
  db: Database,
  options: { projectId: number; input: ChangeRequestCreate; context: RequestContext },
): Promise<ChangeRequestDetail> {
  const { input, context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const project = await loadScopedProject(db, actor, options.projectId);
  if (!ownsEnterprise(actor, project.enterpriseId)) throw notFound();
  if (!CHANGEABLE_STATUSES.includes(project.status))
    throw ruleConflict(
      'projectNotInExecution',
      'kind',
      PROJECT_MESSAGES.changeNotInExecution,
      context.language,
    );
  const { kind, reason, attachmentFileIds, ...details } = input;
  let id: number;
  try {
    id = await db.transaction(async (tx) => {
      await tx.execute(sql`select id from plan_projects where id = ${project.id} for update`);
      await checkChangeRules(tx, { project, details, kind, exceptId: null, context });
      await checkAttachments(tx, {
        fileIds: attachmentFileIds,
        enterpriseId: project.enterpriseId,
        language: context.language,
      });
      const [row] = await tx
        .insert(planProjectChanges)
        .values({
          projectId: project.id,
          enterpriseId: project.enterpriseId,
          kind,
          status: projectChangeWorkflow.initial,
          reason,
          // The new principal's 身份证号 is kept SM4-encrypted in the request, as on the project.
          details:
            'principalIdNumber' in details && typeof details.principalIdNumber === 'string'
              ? { ...details, principalIdNumber: encryptPii(details.principalIdNumber) }
              : details,
          attachmentFileIds,
        })
        .returning({ id: planProjectChanges.id });
      await recordInitialState(tx, {
        definition: projectChangeWorkflow,
        objectId: row.id,
        context,
        actorName: actor.displayName,
        action: 'submit',
        comment: reason,
      });
      await recordAudit(tx, context, {
        event: 'project-change.submit',
        objectType: 'plan_project_changes',
        objectId: row.id,
        after: { projectId: project.id, kind, details: { ...details, principalIdNumber: undefined } },
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw ruleConflict(
        'extensionAlreadyUsed',
        'newEndOn',
        PROJECT_MESSAGES.extensionTaken,
        context.language,
      );
    throw error;
  }
  return readChange(db, { actor, id });
}

async function applyChange(tx: Transaction, change: ChangeRow, project: ProjectRow, context: RequestContext) {
  const details = change.details as Record<string, unknown>;
  if (change.kind === 'principal') {
    await tx
      .update(planProjects)
      .set({
        principalName: String(details.principalName),
        ...(typeof details.principalIdNumber === 'string'
          ? sealPrincipalId(openPrincipalId(details.principalIdNumber))
          : {}),
        version: sql`${planProjects.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(planProjects.id, project.id));
  } else if (change.kind === 'extension') {
    await tx
      .update(planProjects)
      .set({
        extendedEndOn: String(details.newEndOn),
        version: sql`${planProjects.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(planProjects.id, project.id));
    await syncReportSchedule(tx, { ...project, extendedEndOn: String(details.newEndOn) });
  }
  await recordAudit(tx, context, {
    event: 'project-change.apply',
    objectType: 'plan_projects',
    objectId: project.id,
    before: { principalName: project.principalName, extendedEndOn: project.extendedEndOn },
    after: { changeId: change.id, kind: change.kind },
  });
}

/** Staff approve (the change is applied to the project at once) or reject; the enterprise may withdraw. */
export async function decideChange(
  db: Database,
  options: {
    id: number;
    action: ProjectChangeAction;
    version: number;
    comment?: string;
    context: RequestContext;
  },
): Promise<ChangeRequestDetail> {
  const { context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const change = await loadScopedChange(db, actor, options.id);
  await db.transaction(async (tx) => {
    await tx.execute(sql`select id from plan_projects where id = ${change.projectId} for update`);
    const project = await loadScopedProject(tx, actor, change.projectId);
    await fireTransition(tx, {
      definition: projectChangeWorkflow,
      table: 'plan_project_changes',
      objectId: change.id,
      action: options.action,
      expectedVersion: options.version,
      comment: options.comment,
      context,
      isOwner: ownsEnterprise(actor, change.enterpriseId),
      ownerEnterpriseId: change.enterpriseId,
      subject: PROJECT_MESSAGES.changeSubject(change).zh,
      link: `/enterprise/projects/${change.projectId}`,
      extraAssignments:
        options.action === 'withdraw'
          ? []
          : [sql`decided_at = now()`, sql`decision_opinion = ${options.comment?.trim() || null}`],
    });
    if (options.action === 'approve') {
      if (!CHANGEABLE_STATUSES.includes(project.status))
        throw ruleConflict(
          'projectNotInExecution',
          'kind',
          PROJECT_MESSAGES.changeNoLongerInExecution,
          context.language,
        );
      await checkChangeRules(tx, {
        project,
        details: change.details as Record<string, unknown>,
        kind: change.kind,
        exceptId: change.id,
        context,
      });
      await applyChange(tx, change, project, context);
    }
  });
  return readChange(db, { actor, id: change.id });
}
