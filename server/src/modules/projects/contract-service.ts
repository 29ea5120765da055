import {
  type ContractBudget,
  type PlanProjectDetail,
  planProjectWorkflow,
  sumBudgetRows,
  type TaskContractContent,
  taskContractWorkflow,
  translate,
} from '@kechuang/domain';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, notFound, versionConflict } from '../../core/errors';
import { storeFile } from '../../core/files';
import { fireTransition } from '../../core/workflow';
import { type Database, queryRows, type Transaction } from '../../db/connection';
import { storedFiles, taskContracts } from '../../db/schema';
import { DetailedError, requireContextActor } from './approval-helpers';
import { PROJECT_MESSAGES } from './messages';
import { readPlanProject, readScopedProject } from './project-service';

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
        PROJECT_MESSAGES.fiscalSumMismatch({ fiscalFen: sums.fiscalFen, approvedFen: project.approvedFen }),
        [{ path: 'rows.fiscalFen', message: translate(PROJECT_MESSAGES.fiscalSumField, context.language) }],
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
      subject: PROJECT_MESSAGES.contractSubject(project).zh,
      link: `/enterprise/projects/${project.id}?tab=contract`,
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
        subject: PROJECT_MESSAGES.numberedProjectSubject(project).zh,
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
        { path: 'file', message: translate(PROJECT_MESSAGES.signedScanType, context.language) },
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
      subject: PROJECT_MESSAGES.contractSubject(project).zh,
      link: `/bureau/projects/${project.id}?tab=contract`,
      extraAssignments: [sql`signed_file_id = ${file.id}`],
    });
  });
  return readPlanProject(db, { actor, id: options.id });
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
