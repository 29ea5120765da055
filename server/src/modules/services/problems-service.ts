import {
  addWorkingDays,
  categoryLimit,
  DUE_SOON_DAYS,
  findExtensionProblem,
  listAllowedActions,
  problemDueOn,
  problemTiming,
  REOPEN_LIMIT_DAYS,
  type ServiceExtensionInput,
  type ServiceProblem,
  type ServiceProblemAction,
  type ServiceProblemListQuery,
  type ServiceProblemStatus,
  type ServiceVisitProblemInput,
  serviceProblemWorkflow,
  type WorkCalendarDays,
} from '@kechuang/domain';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import { countWorkingDays, loadWorkCalendar, today } from '../../core/calendar/work-calendar';
import type { Actor, RequestContext } from '../../core/context';
import { notFound, versionConflict } from '../../core/errors';
import { findUserIdsByRole, notifyUsers } from '../../core/notifications';
import { fireTransition, readHistory, recordInitialState } from '../../core/workflow';
import type { Database, Executor, Transaction } from '../../db/connection';
import { enterprises, serviceDepartments, serviceProblems, serviceVisits, users } from '../../db/schema';
import { SERVICES_MESSAGES } from './messages';
import { actorOf, fieldError, isBureau } from './shared';

type ProblemRow = typeof serviceProblems.$inferSelect;

/** The calendar of the years a deadline counted from `on` can reach. */
export async function calendarFrom(executor: Executor, on: string): Promise<WorkCalendarDays> {
  const year = Number(on.slice(0, 4));
  return loadWorkCalendar(executor, [year, year + 1]);
}

/**
 * Which tickets the actor may see: the bureau all, an enterprise its own, a department account only
 * those assigned to its department (another's answers 404).
 */
export function problemScope(actor: Actor): SQL {
  if (isBureau(actor)) return sql`true`;
  if (actor.role === 'enterprise' && actor.enterpriseId !== null)
    return eq(serviceProblems.enterpriseId, actor.enterpriseId);
  if (actor.role === 'department')
    return sql`${serviceProblems.departmentId} = (select ${users.departmentId} from ${users} where ${users.id} = ${actor.userId})`;
  return sql`false`;
}

/** Opens tickets for the problems of a visit (or an event), inside the caller's transaction. */
export async function insertProblems(
  tx: Transaction,
  options: {
    problems: ServiceVisitProblemInput[];
    enterpriseId: number;
    visitId: number | null;
    source: 'visit' | 'event' | 'enterprise';
    assignedOn: string;
    context: RequestContext;
  },
): Promise<number[]> {
  if (options.problems.length === 0) return [];
  const departments = new Set(
    (await tx.select({ id: serviceDepartments.id }).from(serviceDepartments)).map((row) => row.id),
  );
  options.problems.forEach((problem, index) => {
    if (!departments.has(problem.departmentId)) {
      const error = fieldError('departmentId', SERVICES_MESSAGES.unknownDepartment, options.context.language);
      error.details[0].path = `problems.${index}.departmentId`;
      throw error;
    }
  });
  const calendar = await calendarFrom(tx, options.assignedOn);
  const ids: number[] = [];
  for (const problem of options.problems) {
    const limitDays = categoryLimit(problem.category);
    const [row] = await tx
      .insert(serviceProblems)
      .values({
        status: serviceProblemWorkflow.initial,
        source: options.source,
        visitId: options.visitId,
        enterpriseId: options.enterpriseId,
        category: problem.category,
        description: problem.description,
        departmentId: problem.departmentId,
        assignee: problem.assignee,
        assignedOn: options.assignedOn,
        limitDays,
        dueOn: countWorkingDays(() => problemDueOn(options.assignedOn, limitDays, calendar)),
      })
      .returning({ id: serviceProblems.id });
    await recordInitialState(tx, {
      definition: serviceProblemWorkflow,
      objectId: row.id,
      context: options.context,
      actorName: options.context.actor?.displayName ?? '',
      action: 'assign',
    });
    ids.push(row.id);
  }
  return ids;
}

const problemColumns = {
  problem: serviceProblems,
  enterpriseName: enterprises.name,
  departmentName: serviceDepartments.name,
};

function baseQuery(executor: Executor) {
  return executor
    .select(problemColumns)
    .from(serviceProblems)
    .innerJoin(enterprises, eq(enterprises.id, serviceProblems.enterpriseId))
    .innerJoin(serviceDepartments, eq(serviceDepartments.id, serviceProblems.departmentId));
}

function toProblem(
  row: { problem: ProblemRow; enterpriseName: string; departmentName: string },
  actor: Actor,
  on: string,
  calendar: WorkCalendarDays,
): ServiceProblem {
  const { problem } = row;
  const status = problem.status as ServiceProblemStatus;
  const owner = actor.role === 'enterprise' && actor.enterpriseId === problem.enterpriseId;
  return {
    id: problem.id,
    serial: problem.id,
    source: problem.source as ServiceProblem['source'],
    visitId: problem.visitId,
    enterpriseId: problem.enterpriseId,
    enterpriseName: row.enterpriseName,
    category: problem.category as ServiceProblem['category'],
    description: problem.description,
    departmentId: problem.departmentId,
    departmentName: row.departmentName,
    assignee: problem.assignee,
    assignedOn: problem.assignedOn,
    limitDays: problem.limitDays,
    dueOn: problem.dueOn,
    extensionDays: problem.extensionDays,
    extensionReason: problem.extensionReason,
    extensionRequest:
      problem.extensionRequestDays === null || problem.extensionRequestedOn === null
        ? null
        : {
            days: problem.extensionRequestDays,
            reason: problem.extensionRequestReason ?? '',
            requestedOn: problem.extensionRequestedOn,
          },
    measure: problem.measure,
    repliedOn: problem.repliedOn,
    rating: problem.rating as ServiceProblem['rating'],
    reopenCount: problem.reopenCount,
    closedOn: problem.closedOn,
    status,
    timing: countWorkingDays(() => problemTiming(problem, on, calendar)),
    allowedActions: listAllowedActions(serviceProblemWorkflow, status, {
      role: actor.role,
      isOwner: owner,
    })
      .filter((action) => actor.role !== 'enterprise' || (owner && action.startsWith('rate-')))
      .filter((action) => actor.role !== 'department' || action === 'reply'),
    version: problem.version,
  };
}

/** The SQL condition of a timing filter on `on`. */
export function timingCondition(
  timing: ServiceProblemListQuery['timing'],
  on: string,
  calendar: WorkCalendarDays,
) {
  const open = sql`${serviceProblems.closedOn} is null`;
  switch (timing) {
    case 'overdue':
      return and(open, sql`${serviceProblems.dueOn} < ${on}::date`);
    case 'due-soon': {
      const soon = countWorkingDays(() => addWorkingDays(on, DUE_SOON_DAYS, calendar));
      return and(open, sql`${serviceProblems.dueOn} between ${on}::date and ${soon}::date`);
    }
    case 'on-track': {
      const soon = countWorkingDays(() => addWorkingDays(on, DUE_SOON_DAYS, calendar));
      return and(open, sql`${serviceProblems.dueOn} > ${soon}::date`);
    }
    case 'closed-on-time':
      return sql`${serviceProblems.closedOn} <= ${serviceProblems.dueOn}`;
    case 'closed-late':
      return sql`${serviceProblems.closedOn} > ${serviceProblems.dueOn}`;
    default:
      return undefined;
  }
}

export async function listProblems(db: Database, options: { actor: Actor; query: ServiceProblemListQuery }) {
  const { actor, query } = options;
  const on = today();
  const calendar = await calendarFrom(db, on);
  const conditions: (SQL | undefined)[] = [problemScope(actor), timingCondition(query.timing, on, calendar)];
  if (query.status) conditions.push(eq(serviceProblems.status, query.status));
  if (query.departmentId) conditions.push(eq(serviceProblems.departmentId, query.departmentId));
  if (query.keyword)
    conditions.push(
      sql`(strpos(${serviceProblems.description}, ${query.keyword}) > 0 or strpos(${enterprises.name}, ${query.keyword}) > 0)`,
    );
  if (query.campaignId)
    conditions.push(
      sql`exists (select 1 from ${serviceVisits} v where v.id = ${serviceProblems.visitId} and v.campaign_id = ${query.campaignId})`,
    );
  const where = and(...conditions);
  const column = query.sort === 'id' ? serviceProblems.id : serviceProblems.dueOn;
  const [rows, [counted]] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(query.order === 'asc' ? asc(column) : desc(column), asc(serviceProblems.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(serviceProblems)
      .innerJoin(enterprises, eq(enterprises.id, serviceProblems.enterpriseId))
      .where(where),
  ]);
  return {
    items: rows.map((row) => toProblem(row, actor, on, calendar)),
    total: Number(counted.total),
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function loadScoped(executor: Executor, actor: Actor, id: number) {
  const [row] = await baseQuery(executor).where(and(eq(serviceProblems.id, id), problemScope(actor)));
  if (!row) throw notFound();
  return row;
}

export async function readProblem(executor: Executor, options: { actor: Actor; id: number }) {
  const on = today();
  const row = await loadScoped(executor, options.actor, options.id);
  return {
    ...toProblem(row, options.actor, on, await calendarFrom(executor, on)),
    history: await readHistory(executor, serviceProblemWorkflow.name, row.problem.id),
  };
}

/**
 * One step of the ticket inside the caller's transaction, as of `on`: 答复 records the measure,
 * 回访满意 closes it, 不满意 reopens it with a new limit of REOPEN_LIMIT_DAYS working days, and a
 * justified closing needs the reason.
 */
export async function applyProblemAction(
  tx: Transaction,
  options: {
    id: number;
    action: ServiceProblemAction;
    version: number;
    comment: string | undefined;
    on: string;
    context: RequestContext;
  },
) {
  const actor = actorOf(options.context);
  const { problem } = await loadScoped(tx, actor, options.id);
  const comment = options.comment?.trim() || undefined;
  if (options.action === 'reply' && !comment)
    throw fieldError('comment', SERVICES_MESSAGES.measureRequired, options.context.language);
  const extra: SQL[] = [];
  if (options.action === 'reply') extra.push(sql`measure = ${comment}`, sql`replied_on = ${options.on}`);
  if (options.action === 'rate-satisfied')
    extra.push(sql`rating = 'satisfied'`, sql`closed_on = ${options.on}`);
  if (options.action === 'close-justified') extra.push(sql`closed_on = ${options.on}`);
  if (options.action === 'rate-unsatisfied') {
    const calendar = await calendarFrom(tx, options.on);
    const dueOn = countWorkingDays(() => addWorkingDays(options.on, REOPEN_LIMIT_DAYS, calendar));
    extra.push(sql`rating = 'unsatisfied'`, sql`reopen_count = reopen_count + 1`, sql`due_on = ${dueOn}`);
  }
  const [enterprise] = await tx
    .select({ name: enterprises.name })
    .from(enterprises)
    .where(eq(enterprises.id, problem.enterpriseId));
  await fireTransition(tx, {
    definition: serviceProblemWorkflow,
    table: 'service_problems',
    objectId: problem.id,
    action: options.action,
    expectedVersion: options.version,
    comment,
    context: options.context,
    isOwner: actor.role === 'enterprise' && actor.enterpriseId === problem.enterpriseId,
    ownerEnterpriseId: problem.enterpriseId,
    subject: `${SERVICES_MESSAGES.problemSubject({ serial: problem.id }).zh}（${enterprise?.name ?? ''}）`,
    link: null,
    extraAssignments: extra,
  });
}

export async function actOnProblem(
  db: Database,
  options: {
    id: number;
    action: ServiceProblemAction;
    version: number;
    comment: string | undefined;
    context: RequestContext;
  },
) {
  const actor = actorOf(options.context);
  return db.transaction(async (tx) => {
    await applyProblemAction(tx, { ...options, on: today() });
    return readProblem(tx, { actor, id: options.id });
  });
}

/** An extension, asked for before the deadline and granted once, moves the deadline by working days. */
export async function applyExtension(
  tx: Transaction,
  options: { id: number; input: ServiceExtensionInput; on: string; context: RequestContext },
) {
  const actor = actorOf(options.context);
  const { problem } = await loadScoped(tx, actor, options.id);
  const refused = findExtensionProblem(problem, options.input.days, options.on);
  if (refused) throw fieldError('days', refused, options.context.language);
  const calendar = await calendarFrom(tx, problem.dueOn);
  const dueOn = countWorkingDays(() => addWorkingDays(problem.dueOn, options.input.days, calendar));
  const [row] = await tx
    .update(serviceProblems)
    .set({
      dueOn,
      extensionDays: options.input.days,
      extensionReason: options.input.reason,
      extensionRequestDays: null,
      extensionRequestReason: null,
      extensionRequestedOn: null,
      version: sql`${serviceProblems.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(serviceProblems.id, problem.id), eq(serviceProblems.version, options.input.version)))
    .returning({ id: serviceProblems.id });
  if (!row) throw versionConflict();
  await recordAudit(tx, options.context, {
    event: 'service-problem.extend',
    objectType: 'service_problems',
    objectId: problem.id,
    before: { dueOn: problem.dueOn },
    after: { dueOn, days: options.input.days, reason: options.input.reason },
  });
}

export async function extendProblem(
  db: Database,
  options: { id: number; input: ServiceExtensionInput; context: RequestContext },
) {
  const actor = actorOf(options.context);
  return db.transaction(async (tx) => {
    await applyExtension(tx, { ...options, on: today() });
    return readProblem(tx, { actor, id: options.id });
  });
}

/**
 * The department (or staff on its behalf) asks the leader for an extension before the deadline; the
 * same rules as the grant apply, so a request after the deadline or a second extension is refused
 * with the reason. The leaders are notified; the grant (`applyExtension`) clears the request.
 */
export async function requestExtension(
  db: Database,
  options: { id: number; input: ServiceExtensionInput; context: RequestContext },
) {
  const actor = actorOf(options.context);
  const on = today();
  return db.transaction(async (tx) => {
    const { problem } = await loadScoped(tx, actor, options.id);
    const refused = findExtensionProblem(problem, options.input.days, on);
    if (refused) throw fieldError('days', refused, options.context.language);
    const [row] = await tx
      .update(serviceProblems)
      .set({
        extensionRequestDays: options.input.days,
        extensionRequestReason: options.input.reason,
        extensionRequestedOn: on,
        version: sql`${serviceProblems.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(serviceProblems.id, problem.id), eq(serviceProblems.version, options.input.version)))
      .returning({ id: serviceProblems.id });
    if (!row) throw versionConflict();
    await recordAudit(tx, options.context, {
      event: 'service-problem.extension-request',
      objectType: 'service_problems',
      objectId: problem.id,
      after: { days: options.input.days, reason: options.input.reason, dueOn: problem.dueOn },
    });
    await notifyUsers(tx, await findUserIdsByRole(tx, ['leader']), {
      kind: 'services.extension-request',
      title: SERVICES_MESSAGES.extensionRequestTitle({ serial: problem.id }).zh,
      body: `${options.input.days} 个工作日：${options.input.reason}`,
      link: `/bureau/services/problems?open=${problem.id}`,
    });
    return readProblem(tx, { actor, id: problem.id });
  });
}

export async function listDepartments(executor: Executor) {
  return executor.select().from(serviceDepartments).orderBy(asc(serviceDepartments.sortOrder));
}
