import type {
  Cooperation,
  CooperationInput,
  CooperationListQuery,
  CooperationPage,
  CooperationUpdate,
} from '@kechuang/domain';
import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { notFound, versionConflict } from '../../core/errors';
import type { Database, Executor } from '../../db/connection';
import { enterprises, platforms, universityCooperations } from '../../db/schema';
import { platformFieldError } from './platform-view';

type CooperationRow = typeof universityCooperations.$inferSelect;

function selectCooperations(executor: Executor) {
  return executor
    .select({
      cooperation: universityCooperations,
      enterpriseName: enterprises.name,
      platformName: platforms.name,
    })
    .from(universityCooperations)
    .leftJoin(enterprises, eq(enterprises.id, universityCooperations.enterpriseId))
    .leftJoin(platforms, eq(platforms.id, universityCooperations.platformId));
}

const toCooperation = (row: {
  cooperation: CooperationRow;
  enterpriseName: string | null;
  platformName: string | null;
}): Cooperation => ({
  id: row.cooperation.id,
  partnerName: row.cooperation.partnerName,
  title: row.cooperation.title,
  signedOn: row.cooperation.signedOn,
  endedOn: row.cooperation.endedOn,
  enterpriseId: row.cooperation.enterpriseId,
  platformId: row.cooperation.platformId,
  street: row.cooperation.street,
  contactName: row.cooperation.contactName,
  contactPhone: row.cooperation.contactPhone,
  note: row.cooperation.note,
  version: row.cooperation.version,
  partnerKind: row.cooperation.partnerKind as Cooperation['partnerKind'],
  form: row.cooperation.form as Cooperation['form'],
  enterpriseName: row.enterpriseName,
  platformName: row.platformName,
});

/** The enterprise and platform named exist, and a cooperation does not end before it began. */
async function check(executor: Executor, input: CooperationInput, context: RequestContext): Promise<void> {
  if (input.endedOn !== null && input.endedOn < input.signedOn) {
    throw platformFieldError('endedOn', 'platforms.endedBeforeSigned', context.language);
  }
  if (input.enterpriseId !== null) {
    const [found] = await executor
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.id, input.enterpriseId));
    if (!found) throw platformFieldError('enterpriseId', 'platforms.hostNotInRegistry', context.language);
  }
  if (input.platformId !== null) {
    const [found] = await executor
      .select({ id: platforms.id })
      .from(platforms)
      .where(eq(platforms.id, input.platformId));
    if (!found) throw platformFieldError('platformId', 'platforms.platformUnknown', context.language);
  }
}

async function readOne(executor: Executor, id: number): Promise<Cooperation> {
  const [row] = await selectCooperations(executor).where(eq(universityCooperations.id, id));
  if (!row) throw notFound();
  return toCooperation(row);
}

export async function createCooperation(
  db: Executor,
  options: { input: CooperationInput; context: RequestContext },
): Promise<Cooperation> {
  const { input, context } = options;
  return db.transaction(async (tx) => {
    await check(tx, input, context);
    const [row] = await tx
      .insert(universityCooperations)
      .values(input)
      .returning({ id: universityCooperations.id });
    await recordAudit(tx, context, {
      event: 'university-cooperation.create',
      objectType: 'university_cooperations',
      objectId: row.id,
      after: input,
    });
    return readOne(tx, row.id);
  });
}

export async function updateCooperation(
  db: Database,
  options: { id: number; input: CooperationUpdate; context: RequestContext },
): Promise<Cooperation> {
  const { input, context } = options;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(universityCooperations)
      .where(eq(universityCooperations.id, options.id))
      .for('update');
    if (!before) throw notFound();
    if (before.version !== input.version) throw versionConflict();
    await check(tx, input, context);
    const { version, ...fields } = input;
    const [row] = await tx
      .update(universityCooperations)
      .set({ ...fields, version: sql`${universityCooperations.version} + 1`, updatedAt: new Date() })
      .where(and(eq(universityCooperations.id, before.id), eq(universityCooperations.version, version)))
      .returning({ id: universityCooperations.id });
    if (!row) throw versionConflict();
    await recordAudit(tx, context, {
      event: 'university-cooperation.update',
      objectType: 'university_cooperations',
      objectId: row.id,
      before,
      after: input,
    });
    return readOne(tx, row.id);
  });
}

export async function readCooperation(db: Database, options: { id: number }): Promise<Cooperation> {
  return readOne(db, options.id);
}

export async function listCooperations(db: Database, query: CooperationListQuery): Promise<CooperationPage> {
  const pattern = query.keyword
    ? `%${query.keyword.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
    : undefined;
  const conditions: (SQL | undefined)[] = [
    query.year === undefined
      ? undefined
      : sql`extract(year from ${universityCooperations.signedOn})::int = ${query.year}`,
    query.form ? eq(universityCooperations.form, query.form) : undefined,
    query.partnerKind ? eq(universityCooperations.partnerKind, query.partnerKind) : undefined,
    pattern
      ? or(
          ilike(universityCooperations.partnerName, pattern),
          ilike(universityCooperations.title, pattern),
          ilike(enterprises.name, pattern),
        )
      : undefined,
  ];
  const where = and(...conditions);
  const direction = query.order === 'asc' ? asc : desc;
  const [rows, [summary]] = await Promise.all([
    selectCooperations(db)
      .where(where)
      .orderBy(direction(universityCooperations.signedOn), direction(universityCooperations.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({
        total: sql<number>`count(*)::int`,
        partners: sql<number>`count(distinct ${universityCooperations.partnerName})::int`,
        branches: sql<number>`(count(*) filter (where ${universityCooperations.form} = 'branch'))::int`,
      })
      .from(universityCooperations)
      .leftJoin(enterprises, eq(enterprises.id, universityCooperations.enterpriseId))
      .where(where),
  ]);
  return {
    items: rows.map(toCooperation),
    total: summary.total,
    partners: summary.partners,
    branches: summary.branches,
    page: query.page,
    pageSize: query.pageSize,
  };
}
