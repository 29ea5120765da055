import {
  computeTechTransactionFen,
  statCategoryOf,
  TECH_CONTRACT_CATEGORIES,
  TECH_CONTRACT_PENDING_STATUSES,
  type TechContractCategory,
  type TechContractInput,
  type TechContractListQuery,
  type TechStatCategory,
  techContractWorkflow,
} from '@kechuang/domain';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, notFound, versionConflict } from '../../core/errors';
import { readDistrictSettings } from '../../core/settings';
import { recordInitialState } from '../../core/workflow';
import type { Database, Executor } from '../../db/connection';
import { enterprises, techContracts } from '../../db/schema';
import { loadDaysLeft, type TechContractRow, toDetail, toSummary } from './contract-view';
import { buyerRegionSql } from './regions-sql';

/** States in which the seller may still change what it filed. */
export const EDITABLE_STATUSES = ['draft', 'returned'];

/** Which contracts the actor may see: the bureau and the finance/tax observer all, a seller its own. */
export function techContractScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'staff':
    case 'leader':
    case 'observer':
      return sql`true`;
    case 'enterprise':
      return actor.enterpriseId === null ? sql`false` : eq(techContracts.enterpriseId, actor.enterpriseId);
    default:
      return sql`false`;
  }
}

/** A contract within the actor's scope, or 404 (never 403, so ids are not confirmed). */
export async function loadScopedContract(
  executor: Executor,
  actor: Actor,
  id: number,
): Promise<TechContractRow> {
  const [row] = await executor
    .select()
    .from(techContracts)
    .where(and(eq(techContracts.id, id), techContractScope(actor)));
  if (!row) throw notFound();
  return row;
}

export function requireActor(context: RequestContext): Actor {
  if (!context.actor) throw new AppError(401, 'unauthenticated');
  return context.actor;
}

function fieldError(path: string, message: string): AppError {
  return new AppError(400, 'validation', [{ path, message }]);
}

const CORE_STATS: readonly TechStatCategory[] = ['development', 'transfer', 'license'];

/**
 * The checks the form alone cannot make: 技术交易额 from the lines, and a 咨询/服务 contract's link
 * to one of the same seller's 开发/转让/许可 contracts.
 */
export async function checkAgainstData(
  executor: Executor,
  enterpriseId: number,
  input: TechContractInput,
  selfId: number | null,
): Promise<number> {
  const amounts = computeTechTransactionFen(input.contractFen, input.nonTechnicalCosts);
  if (!amounts.ok) throw fieldError('techFen', '技术交易额：不能大于合同成交额，也不能为负数');
  if (input.linkedContractId !== null) {
    const stat = statCategoryOf(input.category);
    if (stat !== 'consulting' && stat !== 'service') {
      throw fieldError('linkedContractId', '关联的技术开发/转让合同：只有技术咨询、技术服务合同可以关联');
    }
    const [linked] = await executor
      .select({ id: techContracts.id, category: techContracts.category, status: techContracts.status })
      .from(techContracts)
      .where(and(eq(techContracts.id, input.linkedContractId), eq(techContracts.enterpriseId, enterpriseId)));
    if (
      !linked ||
      linked.id === selfId ||
      ['refused', 'cancelled'].includes(linked.status) ||
      !CORE_STATS.includes(statCategoryOf(linked.category as TechContractCategory))
    ) {
      throw fieldError(
        'linkedContractId',
        '关联的技术开发/转让合同：须为本单位登记的技术开发、转让或许可合同（未被不予登记或注销）',
      );
    }
  }
  return amounts.techFen;
}

export function columnsOf(input: TechContractInput, techFen: number) {
  return {
    title: input.title,
    category: input.category,
    buyerName: input.buyerName,
    buyerCreditCode: input.buyerCreditCode,
    buyerRegionCode: input.buyerRegionCode,
    signedOn: input.signedOn,
    termStartOn: input.termStartOn,
    termEndOn: input.termEndOn,
    contractFen: input.contractFen,
    techFen,
    carrierFen: input.carrierFen,
    nonTechnicalCosts: input.nonTechnicalCosts,
    payments: input.payments,
    linkedContractId: input.linkedContractId,
    sameInvoice: input.sameInvoice,
    disputed: input.disputed,
    exemptionClaimed: input.exemptionClaimed,
  };
}

/** The seller files a contract (a draft until it submits it); the seller is its own enterprise. */
export async function createContract(
  db: Database,
  options: { input: TechContractInput; context: RequestContext },
) {
  const actor = requireActor(options.context);
  if (actor.role !== 'enterprise' || actor.enterpriseId === null) throw new AppError(403, 'forbidden');
  const enterpriseId = actor.enterpriseId;
  return db.transaction(async (tx) => {
    const [seller] = await tx
      .select({ name: enterprises.name, creditCode: enterprises.creditCode })
      .from(enterprises)
      .where(eq(enterprises.id, enterpriseId));
    if (!seller) throw notFound();
    const techFen = await checkAgainstData(tx, enterpriseId, options.input, null);
    const [row] = await tx
      .insert(techContracts)
      .values({
        ...columnsOf(options.input, techFen),
        enterpriseId,
        status: techContractWorkflow.initial,
        sellerName: seller.name,
        sellerCreditCode: seller.creditCode,
      })
      .returning();
    await recordInitialState(tx, {
      definition: techContractWorkflow,
      objectId: row.id,
      context: options.context,
      actorName: actor.displayName,
    });
    await recordAudit(tx, options.context, {
      event: 'tech-contract.create',
      objectType: 'tech_contracts',
      objectId: row.id,
      after: { ...columnsOf(options.input, techFen) },
    });
    return toDetail(tx, actor, row);
  });
}

/** The seller changes its draft, or corrects it after a return for 补正. */
export async function saveContract(
  db: Database,
  options: { id: number; version: number; input: TechContractInput; context: RequestContext },
) {
  const actor = requireActor(options.context);
  return db.transaction(async (tx) => {
    const row = await loadScopedContract(tx, actor, options.id);
    if (actor.role !== 'enterprise') throw new AppError(403, 'forbidden');
    if (!EDITABLE_STATUSES.includes(row.status)) throw new AppError(409, 'techContractNotEditable');
    const techFen = await checkAgainstData(tx, row.enterpriseId, options.input, row.id);
    const [updated] = await tx
      .update(techContracts)
      .set({
        ...columnsOf(options.input, techFen),
        version: sql`${techContracts.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(techContracts.id, row.id), eq(techContracts.version, options.version)))
      .returning();
    if (!updated) throw versionConflict();
    await recordAudit(tx, options.context, {
      event: 'tech-contract.update',
      objectType: 'tech_contracts',
      objectId: row.id,
      before: { ...toSummary(row) },
      after: { ...toSummary(updated) },
    });
    return toDetail(tx, actor, updated);
  });
}

export async function readContract(db: Database, options: { actor: Actor; id: number }) {
  const row = await loadScopedContract(db, options.actor, options.id);
  return toDetail(db, options.actor, row);
}

type ListFilters = Omit<TechContractListQuery, 'page' | 'pageSize' | 'order' | 'sort'>;

/** The date a contract counts on: its registration, or its signing while it is not registered. */
const countedOn = sql`coalesce(${techContracts.registeredOn}, ${techContracts.signedOn})`;

/** The district's region code, read only when a filter needs it. */
async function districtCodeFor(executor: Executor, query: ListFilters): Promise<string> {
  return query.buyerRegion ? (await readDistrictSettings(executor)).regionCode : '';
}

function listConditions(actor: Actor, query: ListFilters, districtCode: string) {
  const conditions: SQL[] = [techContractScope(actor)];
  if (query.status === 'pending')
    conditions.push(inArray(techContracts.status, [...TECH_CONTRACT_PENDING_STATUSES]));
  else if (query.status) conditions.push(eq(techContracts.status, query.status));
  if (query.year) conditions.push(sql`extract(year from ${countedOn}) = ${query.year}`);
  if (query.month) conditions.push(sql`extract(month from ${countedOn}) = ${query.month}`);
  if (query.category) conditions.push(eq(techContracts.category, query.category));
  if (query.buyerRegion)
    conditions.push(
      sql`${buyerRegionSql(techContracts.buyerRegionCode, districtCode)} = ${query.buyerRegion}`,
    );
  if (query.enterpriseId) conditions.push(eq(techContracts.enterpriseId, query.enterpriseId));
  if (query.street) {
    conditions.push(
      sql`exists (select 1 from ${enterprises} where ${enterprises.id} = ${techContracts.enterpriseId} and ${enterprises.street} = ${query.street})`,
    );
  }
  if (query.statCategory) {
    const categories = TECH_CONTRACT_CATEGORIES.filter(
      (category) => statCategoryOf(category) === query.statCategory,
    );
    conditions.push(inArray(techContracts.category, categories));
  }
  if (query.exemption) {
    conditions.push(eq(techContracts.status, 'registered'), eq(techContracts.exemptionEligible, true));
    if (query.exemption === 'claimed') conditions.push(eq(techContracts.exemptionClaimed, true));
    // Eligible but not claimed: the 免税 potential the bureau points sellers to.
    if (query.exemption === 'potential') conditions.push(eq(techContracts.exemptionClaimed, false));
  }
  if (query.keyword) {
    const pattern = `%${query.keyword.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(
      sql`(${techContracts.title} ilike ${pattern} or ${techContracts.sellerName} ilike ${pattern} or ${techContracts.buyerName} ilike ${pattern} or ${techContracts.registrationNo} ilike ${pattern})`,
    );
  }
  return and(...conditions);
}

const SORT_COLUMNS = {
  signedOn: techContracts.signedOn,
  registeredOn: techContracts.registeredOn,
  contractFen: techContracts.contractFen,
  dueOn: techContracts.dueOn,
  id: techContracts.id,
};

/** The 台账: one page of the contracts in scope, with the totals of every matching contract. */
export async function listContracts(db: Database, options: { actor: Actor; query: TechContractListQuery }) {
  const { query } = options;
  const where = listConditions(options.actor, query, await districtCodeFor(db, query));
  const column = SORT_COLUMNS[query.sort ?? 'id'];
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(techContracts)
      .where(where)
      .orderBy(query.order === 'asc' ? asc(column) : desc(column), desc(techContracts.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({
        total: sql<number>`count(*)::int`,
        contractFen: sql<string>`coalesce(sum(${techContracts.contractFen}), 0)`,
        techFen: sql<string>`coalesce(sum(${techContracts.techFen}), 0)`,
        claimedTechFen: sql<string>`coalesce(sum(${techContracts.techFen}) filter (where ${techContracts.status} = 'registered' and ${techContracts.exemptionEligible} and ${techContracts.exemptionClaimed}), 0)`,
      })
      .from(techContracts)
      .where(where),
  ]);
  const daysLeft = await loadDaysLeft(db, rows);
  return {
    items: rows.map((row) => toSummary(row, daysLeft)),
    total: totals.total,
    page: query.page,
    pageSize: query.pageSize,
    totals: {
      contractFen: Number(totals.contractFen),
      techFen: Number(totals.techFen),
      claimedTechFen: Number(totals.claimedTechFen),
    },
  };
}

/** Every matching contract, page by page, for the xlsx export. */
export async function* iterateContracts(
  db: Database,
  actor: Actor,
  query: ListFilters,
): AsyncIterable<TechContractRow[]> {
  const where = listConditions(actor, query, await districtCodeFor(db, query));
  for (let afterId = 0; ; ) {
    const rows = await db
      .select()
      .from(techContracts)
      .where(and(where, sql`${techContracts.id} > ${afterId}`))
      .orderBy(asc(techContracts.id))
      .limit(1000);
    if (rows.length === 0) return;
    yield rows;
    afterId = rows[rows.length - 1].id;
  }
}
