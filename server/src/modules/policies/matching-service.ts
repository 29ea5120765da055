import {
  type CandidatePage,
  type CandidateQuery,
  type EnterpriseMatches,
  evaluateItem,
  type FulfilMode,
  type ItemEvaluation,
  type ItemMatch,
  type Language,
  type PayoutConfirm,
  type PayoutPage,
  type PayoutQuery,
  policyPayoutWorkflow,
} from '@kechuang/domain';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { notFound } from '../../core/errors';
import type { Database, Executor, Transaction } from '../../db/connection';
import { enterprises, policies, policyItems, policyPayouts } from '../../db/schema';
import { loadPayoutDaysLeft } from './payouts-service';
import { policyFieldError } from './policy-view';
import { type ProfiledEnterprise, readProfiles } from './profiles';

export type ItemWithPolicy = typeof policyItems.$inferSelect & {
  policyTitle: string;
  documentNo: string;
  level: (typeof policies.$inferSelect)['level'];
};

/** Items of the policies published and in force at some time in the year. */
export async function readItemsInForce(
  executor: Executor,
  year: number,
  itemId?: number,
): Promise<ItemWithPolicy[]> {
  const rows = await executor
    .select({
      item: policyItems,
      policyTitle: policies.title,
      documentNo: policies.documentNo,
      level: policies.level,
    })
    .from(policyItems)
    .innerJoin(policies, eq(policies.id, policyItems.policyId))
    .where(
      and(
        sql`${policies.status} in ('published', 'repealed')`,
        sql`${policies.effectiveFrom} <= ${`${year}-12-31`}`,
        sql`(${policies.effectiveTo} is null or ${policies.effectiveTo} >= ${`${year}-01-01`})`,
        sql`(${policies.repealedOn} is null or ${policies.repealedOn} >= ${`${year}-01-01`})`,
        itemId === undefined ? undefined : eq(policyItems.id, itemId),
      ),
    )
    .orderBy(asc(policyItems.policyId), asc(policyItems.position));
  return rows.map((row) => ({
    ...row.item,
    policyTitle: row.policyTitle,
    documentNo: row.documentNo,
    level: row.level,
  }));
}

const textIn = (language: Language) => (language === 'en' ? 'en' : 'zh');

function toMatch(item: ItemWithPolicy, evaluation: ItemEvaluation, language: Language): ItemMatch {
  return {
    itemId: item.id,
    itemTitle: item.title,
    itemType: item.type,
    policyId: item.policyId,
    policyTitle: item.policyTitle,
    documentNo: item.documentNo,
    level: item.level,
    fulfilMode: item.fulfilMode,
    department: item.department,
    contact: item.contact,
    outcome: evaluation.outcome,
    amountFen: evaluation.amountFen,
    conditions: evaluation.conditions.map((result) => ({
      field: result.condition.field,
      required: result.condition.required,
      status: result.status,
      actual: result.actual,
      shortfall: result.shortfall,
      text: result.text[textIn(language)],
    })),
  };
}

/** The items of published policies, for choosing one (a 免申即享 round). */
export async function listItemOptions(executor: Executor, fulfilMode?: FulfilMode) {
  const rows = await executor
    .select({
      id: policyItems.id,
      title: policyItems.title,
      policyTitle: policies.title,
      documentNo: policies.documentNo,
      fulfilMode: policyItems.fulfilMode,
    })
    .from(policyItems)
    .innerJoin(policies, eq(policies.id, policyItems.policyId))
    .where(
      and(
        eq(policies.status, 'published'),
        fulfilMode === undefined ? undefined : eq(policyItems.fulfilMode, fulfilMode),
      ),
    )
    .orderBy(desc(policies.publishedOn), asc(policyItems.position));
  return { items: rows };
}

/** "我可以享受的政策": every item in force for the year against one enterprise's data, best first. */
export async function matchEnterprise(
  db: Database,
  options: { actor: Actor; enterpriseId: number; year: number; language: Language },
): Promise<EnterpriseMatches> {
  const { actor, enterpriseId } = options;
  if (actor.role === 'enterprise' && actor.enterpriseId !== enterpriseId) throw notFound();
  const [enterprise] = await readProfiles(db, { year: options.year, scope: sql`e.id = ${enterpriseId}` });
  if (!enterprise) throw notFound();
  const items = await readItemsInForce(db, options.year);
  const evaluated = items
    .map((item) => ({ item, evaluation: evaluateItem(item, enterprise.profile, options.year) }))
    .sort(
      (left, right) =>
        left.evaluation.rank - right.evaluation.rank ||
        (right.evaluation.amountFen ?? 0) - (left.evaluation.amountFen ?? 0),
    );
  return {
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    year: options.year,
    items: evaluated.map(({ item, evaluation }) => toMatch(item, evaluation, options.language)),
  };
}

export const reasonsOf = (evaluation: ItemEvaluation, language: Language) =>
  evaluation.conditions
    .filter((result) => result.condition.required)
    .map((result) => result.text[textIn(language)]);

export async function loadItem(executor: Executor, itemId: number, year: number): Promise<ItemWithPolicy> {
  const [item] = await readItemsInForce(executor, year, itemId);
  if (!item) throw notFound();
  return item;
}

function evaluateAll(item: ItemWithPolicy, enterprisesToCheck: ProfiledEnterprise[], year: number) {
  return enterprisesToCheck.map((enterprise) => ({
    enterprise,
    evaluation: evaluateItem(item, enterprise.profile, year),
  }));
}

/** The reverse view for staff: for one item, the enterprises that qualify, lack data, or do not qualify. */
export async function listCandidates(
  db: Database,
  options: { itemId: number; query: CandidateQuery; language: Language },
): Promise<CandidatePage> {
  const { query } = options;
  const item = await loadItem(db, options.itemId, query.year);
  const profiled = await readProfiles(db, { year: query.year, scope: sql`e.status = 'verified'` });
  const evaluated = evaluateAll(item, profiled, query.year);
  const payouts = await db
    .select()
    .from(policyPayouts)
    .where(and(eq(policyPayouts.itemId, item.id), eq(policyPayouts.year, query.year)));
  const counts: Record<string, number> = {};
  for (const { evaluation } of evaluated) counts[evaluation.outcome] = (counts[evaluation.outcome] ?? 0) + 1;
  const filtered = evaluated
    .filter(({ evaluation }) => query.outcome === undefined || evaluation.outcome === query.outcome)
    .sort((left, right) =>
      query.sort === 'amountFen'
        ? ((left.evaluation.amountFen ?? 0) - (right.evaluation.amountFen ?? 0)) *
          (query.order === 'asc' ? 1 : -1)
        : left.evaluation.rank - right.evaluation.rank || left.enterprise.id - right.enterprise.id,
    );
  const page = filtered.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  return {
    items: page.map(({ enterprise, evaluation }) => {
      const payout = payouts.find((candidate) => candidate.enterpriseId === enterprise.id);
      return {
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
        creditCode: enterprise.creditCode,
        street: enterprise.street,
        outcome: evaluation.outcome,
        amountFen: evaluation.amountFen,
        reasons: reasonsOf(evaluation, options.language),
        payout: payout
          ? { id: payout.id, amountFen: payout.amountFen, confirmedOn: payout.confirmedOn }
          : null,
      };
    }),
    total: filtered.length,
    page: query.page,
    pageSize: query.pageSize,
    outcomeCounts: counts,
  };
}

/**
 * 免申即享: staff confirm enterprises the data shows as qualifying into the year's payout list. Each
 * is evaluated again in the transaction; one that no longer qualifies, or is already on the list,
 * refuses the whole confirmation (nothing half-saved). The reasons are kept as the evidence.
 */
export async function confirmPayouts(
  db: Database,
  options: { itemId: number; input: PayoutConfirm; context: RequestContext },
): Promise<{ confirmed: number; totalFen: number }> {
  return db.transaction((tx) => applyPayouts(tx, options));
}

export async function applyPayouts(
  tx: Transaction,
  options: { itemId: number; input: PayoutConfirm; context: RequestContext },
): Promise<{ confirmed: number; totalFen: number }> {
  const { input, context } = options;
  const item = await loadItem(tx, options.itemId, input.year);
  if (item.fulfilMode !== 'no-application')
    throw policyFieldError('fulfilMode', 'policies.needsDataForNoApplication', context.language);
  const ids = [...new Set(input.enterpriseIds)];
  const profiled = await readProfiles(tx, {
    year: input.year,
    scope: sql`e.id = any(${sql.param(ids)}::int[]) and e.status = 'verified'`,
  });
  const rows = evaluateAll(item, profiled, input.year);
  const qualifying = rows.filter(
    ({ evaluation }) => evaluation.outcome === 'eligible' && (evaluation.amountFen ?? 0) > 0,
  );
  if (qualifying.length !== ids.length)
    throw policyFieldError('enterpriseIds', 'policies.notQualifying', context.language);
  const inserted = await tx
    .insert(policyPayouts)
    .values(
      qualifying.map(({ enterprise, evaluation }) => ({
        itemId: item.id,
        year: input.year,
        enterpriseId: enterprise.id,
        amountFen: evaluation.amountFen ?? 0,
        confirmedOn: input.confirmedOn,
        reasons: reasonsOf(evaluation, 'zh-CN'),
        confirmedBy: context.actor?.userId ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: policyPayouts.id, amountFen: policyPayouts.amountFen });
  if (inserted.length !== qualifying.length)
    throw policyFieldError('enterpriseIds', 'policies.notQualifying', context.language);
  const totalFen = inserted.reduce((sum, row) => sum + row.amountFen, 0);
  await recordAudit(tx, context, {
    event: 'policy.payout.confirm',
    objectType: 'policy_items',
    objectId: item.id,
    after: { year: input.year, enterpriseIds: ids, totalFen },
  });
  return { confirmed: inserted.length, totalFen };
}

/** The ids of verified enterprises the data shows as qualifying for an item in a year (not yet listed). */
export async function qualifyingEnterprises(
  executor: Executor,
  itemId: number,
  year: number,
): Promise<number[]> {
  const item = await loadItem(executor, itemId, year);
  const profiled = await readProfiles(executor, {
    year,
    scope: sql`e.status = 'verified' and not exists (select 1 from policy_payouts o where o.item_id = ${itemId} and o.year = ${year} and o.enterprise_id = e.id)`,
  });
  return evaluateAll(item, profiled, year)
    .filter(({ evaluation }) => evaluation.outcome === 'eligible' && (evaluation.amountFen ?? 0) > 0)
    .map(({ enterprise }) => enterprise.id);
}

/** The payout list (per year and item), an enterprise only its own. */
export async function listPayouts(
  db: Database,
  options: { actor: Actor; query: PayoutQuery },
): Promise<PayoutPage> {
  const { actor, query } = options;
  const where = and(
    actor.role === 'enterprise' ? eq(policyPayouts.enterpriseId, actor.enterpriseId ?? -1) : undefined,
    query.year === undefined ? undefined : eq(policyPayouts.year, query.year),
    query.itemId === undefined ? undefined : eq(policyPayouts.itemId, query.itemId),
    query.status === undefined ? undefined : eq(policyPayouts.status, query.status),
  );
  const direction = query.order === 'asc' ? asc : desc;
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        payout: policyPayouts,
        itemTitle: policyItems.title,
        policyTitle: policies.title,
        documentNo: policies.documentNo,
        enterpriseName: enterprises.name,
        creditCode: enterprises.creditCode,
      })
      .from(policyPayouts)
      .innerJoin(policyItems, eq(policyItems.id, policyPayouts.itemId))
      .innerJoin(policies, eq(policies.id, policyItems.policyId))
      .innerJoin(enterprises, eq(enterprises.id, policyPayouts.enterpriseId))
      .where(where)
      .orderBy(direction(policyPayouts.confirmedOn), direction(policyPayouts.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({
        total: sql<number>`count(*)::int`,
        totalFen: sql<number>`coalesce(sum(${policyPayouts.amountFen}), 0)::bigint`,
      })
      .from(policyPayouts)
      .where(where),
  ]);
  const daysLeft = await loadPayoutDaysLeft(
    db,
    rows.map(({ payout }) => payout),
  );
  return {
    items: rows.map((row) => ({
      id: row.payout.id,
      version: row.payout.version,
      status: row.payout.status,
      statusLabel: policyPayoutWorkflow.states[row.payout.status].zh,
      dueOn: row.payout.dueOn,
      daysLeft: daysLeft.get(row.payout.id) ?? null,
      overdue: (daysLeft.get(row.payout.id) ?? 0) < 0,
      paidFen: row.payout.paidFen,
      paidOn: row.payout.paidOn,
      year: row.payout.year,
      itemId: row.payout.itemId,
      itemTitle: row.itemTitle,
      policyTitle: row.policyTitle,
      documentNo: row.documentNo,
      enterpriseId: row.payout.enterpriseId,
      enterpriseName: row.enterpriseName,
      creditCode: row.creditCode,
      amountFen: row.payout.amountFen,
      confirmedOn: row.payout.confirmedOn,
      reasons: row.payout.reasons,
    })),
    total: totals.total,
    totalFen: Number(totals.totalFen),
    page: query.page,
    pageSize: query.pageSize,
  };
}
