import {
  chinaToday,
  type Policy,
  type PolicyAction,
  type PolicyActionBody,
  type PolicyInput,
  type PolicyListQuery,
  type PolicyPage,
  type PolicyUpdate,
  policyWorkflow,
} from '@kechuang/domain';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, notFound, versionConflict } from '../../core/errors';
import { fireTransition, recordInitialState } from '../../core/workflow';
import type { Database, Executor, Transaction } from '../../db/connection';
import { policies, policyItems, workflowHistory } from '../../db/schema';
import {
  loadScopedPolicy,
  type PolicyRow,
  policyFieldError,
  policyScope,
  toDetail,
  toSummaries,
  validityCondition,
} from './policy-view';
import { indexPolicy, keywordCondition, rankByKeyword } from './search-index';
import { notifySubscribers } from './subscriptions-service';

const columnsOf = (input: PolicyInput | PolicyUpdate) => ({
  title: input.title,
  level: input.level,
  theme: input.theme,
  indexNo: input.indexNo,
  documentNo: input.documentNo,
  issuer: input.issuer,
  writtenOn: input.writtenOn,
  publishedOn: input.publishedOn,
  effectiveFrom: input.effectiveFrom,
  effectiveTo: input.effectiveTo,
  fullText: input.fullText,
  interpretation: input.interpretation,
  attachments: input.attachments,
  supersedesId: input.supersedesId,
});

async function checkSupersedes(
  tx: Executor,
  input: PolicyInput,
  selfId: number | null,
  context: RequestContext,
) {
  if (input.supersedesId === null) return;
  const [previous] = await tx
    .select({ id: policies.id })
    .from(policies)
    .where(and(eq(policies.id, input.supersedesId), eq(policies.status, 'published')));
  if (!previous || previous.id === selfId)
    throw policyFieldError('supersedesId', 'policies.supersedesUnknown', context.language);
}

async function writeItems(tx: Transaction, policyId: number, items: PolicyInput['items']) {
  await tx.delete(policyItems).where(eq(policyItems.policyId, policyId));
  if (items.length === 0) return;
  await tx.insert(policyItems).values(
    items.map((item, position) => ({
      policyId,
      position,
      ...item,
      conditions: item.conditions.map((condition) => ({
        ...condition,
        document: condition.document ?? null,
      })),
    })),
  );
}

const reindex = (tx: Transaction, id: number, version: number, input: PolicyInput) =>
  indexPolicy(tx, id, version, { ...input, items: input.items });

/** Enters a policy as a draft with its items, indexed for search. Returns its id. */
export async function insertPolicy(
  tx: Transaction,
  input: PolicyInput,
  context: RequestContext,
): Promise<number> {
  await checkSupersedes(tx, input, null, context);
  const [row] = await tx
    .insert(policies)
    .values({ ...columnsOf(input), status: policyWorkflow.initial })
    .returning({ id: policies.id });
  await writeItems(tx, row.id, input.items);
  await reindex(tx, row.id, 1, input);
  await recordInitialState(tx, {
    definition: policyWorkflow,
    objectId: row.id,
    context,
    actorName: context.actor?.displayName ?? '系统',
    comment: input.documentNo,
  });
  await recordAudit(tx, context, {
    event: 'policy.create',
    objectType: 'policies',
    objectId: row.id,
    after: input,
  });
  return row.id;
}

export async function createPolicy(
  db: Database,
  options: { input: PolicyInput; context: RequestContext },
): Promise<Policy> {
  const actor = options.context.actor;
  return db.transaction(async (tx) => {
    const id = await insertPolicy(tx, options.input, options.context);
    return toDetail(tx, actor, await loadScopedPolicy(tx, actor, id));
  });
}

/** A versioned edit of the record and its items (stale → 409); a repealed policy is kept as it was. */
export async function updatePolicy(
  db: Database,
  options: { id: number; input: PolicyUpdate; context: RequestContext },
): Promise<Policy> {
  const { input, context } = options;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(policies).where(eq(policies.id, options.id)).for('update');
    if (!before) throw notFound();
    if (before.version !== input.version) throw versionConflict();
    // A repealed policy is kept as it was; one under review is read as it was submitted.
    if (before.status === 'repealed' || before.status === 'submitted')
      throw new AppError(409, 'transitionNotAllowed');
    await checkSupersedes(tx, input, before.id, context);
    const [updated] = await tx
      .update(policies)
      .set({ ...columnsOf(input), version: sql`${policies.version} + 1`, updatedAt: new Date() })
      .where(and(eq(policies.id, before.id), eq(policies.version, input.version)))
      .returning();
    if (!updated) throw versionConflict();
    await writeItems(tx, before.id, input.items);
    await reindex(tx, before.id, updated.version, input);
    await recordAudit(tx, context, {
      event: 'policy.update',
      objectType: 'policies',
      objectId: before.id,
      before,
      after: input,
    });
    return toDetail(tx, context.actor, updated);
  });
}

/** 发布 (a new version's publication 废止 the one it replaces) or 废止 with the reason. */
export async function actOnPolicy(
  db: Database,
  options: { id: number; action: PolicyAction; body: PolicyActionBody; context: RequestContext },
): Promise<Policy> {
  const { context } = options;
  return db.transaction(async (tx) => {
    const row = await loadScopedPolicy(tx, context.actor, options.id);
    await applyPolicyAction(tx, row, options.action, options.body, context);
    return toDetail(tx, context.actor, await loadScopedPolicy(tx, context.actor, row.id));
  });
}

export async function applyPolicyAction(
  tx: Transaction,
  row: PolicyRow,
  action: PolicyAction,
  body: PolicyActionBody,
  context: RequestContext,
): Promise<void> {
  const today = chinaToday();
  if (action === 'publish' && row.status === 'submitted' && row.version === body.version)
    await checkReviewerIsNotDrafter(tx, row.id, context);
  await fireTransition(tx, {
    definition: policyWorkflow,
    table: 'policies',
    objectId: row.id,
    action,
    expectedVersion: body.version,
    comment: body.comment,
    context,
    isOwner: false,
    ownerEnterpriseId: null,
    subject: row.title,
    link: `/bureau/policies?open=${row.id}`,
    extraAssignments: action === 'repeal' ? [sql`repealed_on = ${today}`] : [],
  });
  if (action === 'publish') await notifySubscribers(tx, row);
  if (action !== 'publish' || row.supersedesId === null) return;
  const [previous] = await tx.select().from(policies).where(eq(policies.id, row.supersedesId));
  if (previous?.status !== 'published') return;
  await fireTransition(tx, {
    definition: policyWorkflow,
    table: 'policies',
    objectId: previous.id,
    action: 'repeal',
    expectedVersion: previous.version,
    comment: `由《${row.title}》（${row.documentNo}）废止`,
    context,
    isOwner: false,
    ownerEnterpriseId: null,
    subject: previous.title,
    link: `/bureau/policies?open=${previous.id}`,
    extraAssignments: [sql`repealed_on = ${[row.effectiveFrom, row.publishedOn].sort()[1]}`],
  });
}

/**
 * 审核发布 by someone else: whoever entered the document or submitted it for review cannot publish it
 * (the four-eyes rule of the library).
 */
async function checkReviewerIsNotDrafter(tx: Transaction, policyId: number, context: RequestContext) {
  const actorId = context.actor?.userId;
  const [drafted] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(workflowHistory)
    .where(
      and(
        eq(workflowHistory.workflow, policyWorkflow.name),
        eq(workflowHistory.objectId, policyId),
        inArray(workflowHistory.action, ['create', 'submit']),
        eq(workflowHistory.actorId, actorId ?? -1),
      ),
    );
  if (drafted.count > 0) throw policyFieldError('reviewer', 'policies.reviewerIsDrafter', context.language);
}

export async function readPolicy(
  db: Database,
  options: { actor: Actor | null; id: number },
): Promise<Policy> {
  return toDetail(db, options.actor, await loadScopedPolicy(db, options.actor, options.id));
}

/** The library, filtered by level, theme, state, validity and a Chinese keyword (the inverted index). */
export async function listPolicies(
  db: Database,
  options: { actor: Actor | null; query: PolicyListQuery },
): Promise<PolicyPage> {
  const { query, actor } = options;
  const keyword = query.keyword?.trim();
  const shared: (SQL | undefined)[] = [
    policyScope(actor),
    query.level === undefined ? undefined : eq(policies.level, query.level),
    query.theme === undefined ? undefined : eq(policies.theme, query.theme),
    query.validity === undefined ? undefined : validityCondition(query.validity),
    keyword ? keywordCondition(keyword) : undefined,
  ];
  const where = and(...shared, query.status === undefined ? undefined : eq(policies.status, query.status));
  const direction = query.order === 'asc' ? asc : desc;
  const sortColumn = query.sort === 'title' ? policies.title : policies.publishedOn;
  const [matched, [{ total }], counts] = await Promise.all([
    db
      .select({ id: policies.id, publishedOn: policies.publishedOn, title: policies.title })
      .from(policies)
      .where(where)
      .orderBy(direction(sortColumn), direction(policies.id)),
    db.select({ total: sql<number>`count(*)::int` }).from(policies).where(where),
    db
      .select({ status: policies.status, total: sql<number>`count(*)::int` })
      .from(policies)
      .where(and(...shared))
      .groupBy(policies.status),
  ]);
  let ordered = matched.map((row) => row.id);
  if (keyword && query.sort === undefined) {
    // Without an explicit sort a keyword search lists the best fits first (jieba words' weights).
    const scores = await rankByKeyword(db, keyword, ordered);
    ordered = [...ordered].sort((left, right) => (scores.get(right) ?? 0) - (scores.get(left) ?? 0));
  }
  const pageIds = ordered.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const rows =
    pageIds.length === 0 ? [] : await db.select().from(policies).where(inArray(policies.id, pageIds));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    items: await toSummaries(
      db,
      pageIds.map((id) => byId.get(id)).filter((row): row is PolicyRow => row !== undefined),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
    statusCounts: Object.fromEntries(counts.map((count) => [count.status, count.total])),
  };
}
