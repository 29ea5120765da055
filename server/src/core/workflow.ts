import {
  canActorFire,
  findTransition,
  type HistoryEntry,
  listAllowedActions,
  type WorkflowDefinition,
} from '@kechuang/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Executor, queryRows, type Transaction } from '../db/connection';
import { workflowHistory } from '../db/schema';
import { recordAudit } from './audit';
import type { RequestContext } from './context';
import { AppError, notFound, versionConflict } from './errors';
import { findEnterpriseUserIds, findUserIdsByRole, notifyUsers } from './notifications';

/** Tables a lifecycle may run on: each has `id`, `status`, `version`, `updated_at`. */
export type WorkflowTableName =
  | 'enterprises'
  | 'hte_applications'
  | 'cultivation_pool_entries'
  | 'plan_calls'
  | 'project_applications'
  | 'plan_projects'
  | 'experts'
  | 'review_rounds'
  | 'plan_project_changes'
  | 'plan_project_progress_reports'
  | 'task_contracts'
  | 'tech_contracts'
  | 'tech_needs'
  | 'tech_results'
  | 'tech_matchings'
  | 'platforms'
  | 'platform_applications'
  | 'platform_evaluation_rounds'
  | 'platform_evaluations'
  | 'service_problems'
  | 'talent_programme_records'
  | 'policies'
  | 'policy_payouts'
  | 'policy_applications';

export interface FireTransitionOptions<TState extends string, TAction extends string> {
  definition: WorkflowDefinition<TState, TAction>;
  table: WorkflowTableName;
  objectId: number;
  action: string;
  expectedVersion: number;
  comment?: string;
  context: RequestContext;
  /** Whether the actor owns the record; decided by the module's data scope. */
  isOwner: boolean;
  /** The enterprise that owns the record, whose users are told when the transition says `owner`. */
  ownerEnterpriseId: number | null;
  /** What the record is called in messages (e.g. the enterprise's name) and where it is opened. */
  subject: string;
  link: string | null;
  /** Extra columns to set in the same UPDATE (e.g. verified_at), as SQL fragments. */
  extraAssignments?: ReturnType<typeof sql>[];
}

/**
 * Fires one transition inside the caller's transaction: checks role, ownership, current state and
 * version, moves the state with a guarded UPDATE, and records history, audit and notifications.
 */
export async function fireTransition<TState extends string, TAction extends string>(
  tx: Transaction,
  options: FireTransitionOptions<TState, TAction>,
): Promise<{ from: TState; to: TState }> {
  const { definition, context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const table = sql.identifier(options.table);
  const [row] = await queryRows<{ status: string; version: number }>(
    tx,
    sql`select status, version from ${table} where id = ${options.objectId} for update`,
  );
  if (!row) throw notFound();
  const transition = findTransition(definition, options.action);
  if (!transition) throw notFound();
  if (!canActorFire(transition, { role: actor.role, isOwner: options.isOwner })) {
    throw new AppError(
      403,
      'forbidden',
      [],
      {},
      {
        event: `${definition.name}.${options.action}`,
        objectType: options.table,
        objectId: options.objectId,
      },
    );
  }
  if (Number(row.version) !== options.expectedVersion) throw versionConflict();
  const from = row.status as TState;
  if (!transition.from.includes(from)) throw new AppError(409, 'transitionNotAllowed');
  if (transition.requiresComment && !options.comment?.trim()) {
    throw new AppError(400, 'commentRequired', [{ path: 'comment', message: '' }]);
  }
  const assignments = [
    sql`status = ${transition.to}`,
    sql`version = version + 1`,
    sql`updated_at = now()`,
    ...(options.extraAssignments ?? []),
  ];
  const updated = await queryRows(
    tx,
    sql`update ${table} set ${sql.join(assignments, sql`, `)} where id = ${options.objectId} and status = ${from} and version = ${options.expectedVersion} returning id`,
  );
  if (updated.length !== 1) throw versionConflict();
  await tx.insert(workflowHistory).values({
    workflow: definition.name,
    objectId: options.objectId,
    action: transition.action,
    fromStatus: from,
    toStatus: transition.to,
    actorId: actor.userId,
    actorName: actor.displayName,
    actorRole: actor.role,
    comment: options.comment?.trim() || null,
  });
  await recordAudit(tx, context, {
    event: `${definition.name}.${transition.action}`,
    objectType: options.table,
    objectId: options.objectId,
    before: { status: from, version: options.expectedVersion },
    after: { status: transition.to, version: options.expectedVersion + 1, comment: options.comment ?? null },
  });
  const recipients: number[] = [];
  if (transition.notify?.includes('owner') && options.ownerEnterpriseId !== null) {
    recipients.push(...(await findEnterpriseUserIds(tx, options.ownerEnterpriseId)));
  }
  if (transition.notify?.includes('staff')) recipients.push(...(await findUserIdsByRole(tx, ['staff'])));
  const stateLabel = definition.states[transition.to].zh;
  await notifyUsers(
    tx,
    recipients.filter((id) => id !== actor.userId),
    {
      kind: 'workflow.transition',
      title: `${options.subject}：${transition.label.zh}`,
      body: `当前状态：${stateLabel}${options.comment ? `。意见：${options.comment}` : ''}`,
      link: options.link,
    },
  );
  return { from, to: transition.to };
}

/** Records the first state of a new record in the 流程记录. */
export async function recordInitialState(
  executor: Executor,
  options: {
    definition: WorkflowDefinition;
    objectId: number;
    context: RequestContext;
    actorName: string;
    /** What the 流程记录 calls the record's creation, e.g. `register`. */
    action?: string;
    comment?: string;
  },
): Promise<void> {
  await executor.insert(workflowHistory).values({
    workflow: options.definition.name,
    objectId: options.objectId,
    action: options.action ?? 'create',
    fromStatus: null,
    toStatus: options.definition.initial,
    actorId: options.context.actor?.userId ?? null,
    actorName: options.actorName,
    actorRole: options.context.actor?.role ?? 'enterprise',
    comment: options.comment ?? null,
  });
}

export async function readHistory(
  executor: Executor,
  workflow: string,
  objectId: number,
): Promise<HistoryEntry[]> {
  const rows = await executor
    .select()
    .from(workflowHistory)
    .where(and(eq(workflowHistory.workflow, workflow), eq(workflowHistory.objectId, objectId)))
    .orderBy(asc(workflowHistory.id));
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    actorName: row.actorName,
    actorRole: row.actorRole,
    comment: row.comment,
    createdAt: row.createdAt.toISOString(),
  }));
}

export { listAllowedActions };
