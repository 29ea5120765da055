import type { TechGuidanceVisit, TechGuidanceVisitInput, TechGuidanceVisitQuery } from '@kechuang/domain';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { AppError, notFound, versionConflict } from '../../core/errors';
import type { Database, Executor } from '../../db/connection';
import { enterprises, techGuidanceVisits, users } from '../../db/schema';
import { requireActor } from './contracts-service';

type VisitFilters = Omit<TechGuidanceVisitQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

function conditionsOf(query: VisitFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.enterpriseId) conditions.push(eq(techGuidanceVisits.enterpriseId, query.enterpriseId));
  if (query.year) conditions.push(sql`extract(year from ${techGuidanceVisits.visitedOn}) = ${query.year}`);
  return and(...conditions);
}

const VISIT_COLUMNS = {
  id: techGuidanceVisits.id,
  version: techGuidanceVisits.version,
  enterpriseId: techGuidanceVisits.enterpriseId,
  enterpriseName: enterprises.name,
  visitedOn: techGuidanceVisits.visitedOn,
  kind: techGuidanceVisits.kind,
  visitors: techGuidanceVisits.visitors,
  advice: techGuidanceVisits.advice,
  recordedByName: users.displayName,
};

function selectVisits(executor: Executor) {
  return executor
    .select(VISIT_COLUMNS)
    .from(techGuidanceVisits)
    .innerJoin(enterprises, eq(enterprises.id, techGuidanceVisits.enterpriseId))
    .innerJoin(users, eq(users.id, techGuidanceVisits.recordedBy));
}

const asVisit = (row: { kind: string } & Omit<TechGuidanceVisit, 'kind'>) => row as TechGuidanceVisit;

/** The 指导组's visits, newest first, of one enterprise or all. */
export async function listGuidanceVisits(db: Database, query: TechGuidanceVisitQuery) {
  const where = conditionsOf(query);
  const column = query.sort === 'id' ? techGuidanceVisits.id : techGuidanceVisits.visitedOn;
  const [rows, [count]] = await Promise.all([
    selectVisits(db)
      .where(where)
      .orderBy(query.order === 'asc' ? asc(column) : desc(column), desc(techGuidanceVisits.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(techGuidanceVisits).where(where),
  ]);
  return { items: rows.map(asVisit), total: count.total, page: query.page, pageSize: query.pageSize };
}

export async function* iterateGuidanceVisits(db: Database, query: VisitFilters) {
  const where = conditionsOf(query);
  for (let afterId = 0; ; ) {
    const rows = await selectVisits(db)
      .where(and(where, sql`${techGuidanceVisits.id} > ${afterId}`))
      .orderBy(asc(techGuidanceVisits.id))
      .limit(1000);
    if (rows.length === 0) return;
    yield rows.map(asVisit);
    afterId = rows[rows.length - 1].id;
  }
}

async function readVisit(executor: Executor, id: number): Promise<TechGuidanceVisit> {
  const [row] = await selectVisits(executor).where(eq(techGuidanceVisits.id, id));
  if (!row) throw notFound();
  return asVisit(row);
}

async function checkEnterprise(executor: Executor, enterpriseId: number) {
  const [found] = await executor
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  if (!found) {
    throw new AppError(400, 'validation', [{ path: 'enterpriseId', message: '企业：平台中没有该企业' }]);
  }
}

/** Staff record a visit or advice of the guidance team. */
export async function createGuidanceVisit(
  db: Database,
  options: { input: TechGuidanceVisitInput; context: RequestContext },
) {
  const actor = requireActor(options.context);
  return db.transaction(async (tx) => {
    await checkEnterprise(tx, options.input.enterpriseId);
    const [row] = await tx
      .insert(techGuidanceVisits)
      .values({ ...options.input, recordedBy: actor.userId })
      .returning();
    await recordAudit(tx, options.context, {
      event: 'tech-guidance-visit.create',
      objectType: 'tech_guidance_visits',
      objectId: row.id,
      after: { ...options.input },
    });
    return readVisit(tx, row.id);
  });
}

/** Corrects a visit record; a stale version is refused with 409. */
export async function updateGuidanceVisit(
  db: Database,
  options: { id: number; version: number; input: TechGuidanceVisitInput; context: RequestContext },
) {
  return db.transaction(async (tx) => {
    const before = await readVisit(tx, options.id);
    await checkEnterprise(tx, options.input.enterpriseId);
    const [updated] = await tx
      .update(techGuidanceVisits)
      .set({ ...options.input, version: sql`${techGuidanceVisits.version} + 1`, updatedAt: new Date() })
      .where(and(eq(techGuidanceVisits.id, options.id), eq(techGuidanceVisits.version, options.version)))
      .returning({ id: techGuidanceVisits.id });
    if (!updated) throw versionConflict();
    await recordAudit(tx, options.context, {
      event: 'tech-guidance-visit.update',
      objectType: 'tech_guidance_visits',
      objectId: options.id,
      before: { ...before },
      after: { ...options.input },
    });
    return readVisit(tx, options.id);
  });
}
