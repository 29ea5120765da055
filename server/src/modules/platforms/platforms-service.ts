import {
  findTypeLevelProblem,
  type Language,
  type Platform,
  type PlatformInput,
  type PlatformLevel,
  type PlatformListQuery,
  type PlatformPage,
  type PlatformUpdate,
  platformWorkflow,
} from '@kechuang/domain';
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { notFound, versionConflict } from '../../core/errors';
import { recordInitialState } from '../../core/workflow';
import type { Database, Executor, Transaction } from '../../db/connection';
import { enterprises, platformHosts, platformLevelHistory, platforms, platformTypes } from '../../db/schema';
import {
  actorOf,
  loadScopedPlatform,
  platformFieldError,
  platformScope,
  toDetail,
  toSummaries,
} from './platform-view';
import { findPlatformType } from './types-service';

/**
 * Checks what the request schema cannot: the type exists and is in use, the level is one the type
 * has, several hosts only where the type allows them, and every host is an enterprise of the registry.
 */
export async function checkTypeAndHosts(
  executor: Executor,
  input: { typeId: number; level: PlatformLevel; hostEnterpriseIds: number[] },
  language: Language,
): Promise<void> {
  const type = await findPlatformType(executor, input.typeId);
  if (!type) throw platformFieldError('typeId', 'platforms.typeUnknown', language);
  const problem = findTypeLevelProblem(type, input.level, input.hostEnterpriseIds.length);
  if (problem === 'platforms.typeInactive') throw platformFieldError('typeId', problem, language);
  if (problem === 'platforms.levelNotOfType') throw platformFieldError('level', problem, language);
  if (problem === 'platforms.oneHostOnly') throw platformFieldError('hostEnterpriseIds', problem, language);
  const found = await executor
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(inArray(enterprises.id, input.hostEnterpriseIds));
  if (found.length !== input.hostEnterpriseIds.length) {
    throw platformFieldError('hostEnterpriseIds', 'platforms.hostNotInRegistry', language);
  }
}

async function writeHosts(tx: Transaction, platformId: number, hostEnterpriseIds: number[]): Promise<void> {
  await tx.delete(platformHosts).where(eq(platformHosts.platformId, platformId));
  await tx
    .insert(platformHosts)
    .values(hostEnterpriseIds.map((enterpriseId, position) => ({ platformId, enterpriseId, position })));
}

const describedFields = (input: PlatformInput | PlatformUpdate) => ({
  name: input.name,
  typeId: input.typeId,
  approvingBody: input.approvingBody,
  documentNo: input.documentNo,
  recognizedOn: input.recognizedOn,
  field: input.field,
  street: input.street,
  areaSquareMeters: input.areaSquareMeters,
  staffCount: input.staffCount,
  equipmentFen: input.equipmentFen,
  contactName: input.contactName,
  contactPhone: input.contactPhone,
});

/** Puts a recognised platform on the register, in force from its 认定 date, with its first level line. */
export async function insertPlatform(
  tx: Transaction,
  input: PlatformInput,
  context: RequestContext,
): Promise<number> {
  const [row] = await tx
    .insert(platforms)
    .values({
      ...describedFields(input),
      level: input.level,
      status: platformWorkflow.initial,
      firstRecognizedOn: input.recognizedOn,
    })
    .returning({ id: platforms.id });
  await writeHosts(tx, row.id, input.hostEnterpriseIds);
  await tx.insert(platformLevelHistory).values({
    platformId: row.id,
    level: input.level,
    kind: 'recognition',
    recognizedOn: input.recognizedOn,
    approvingBody: input.approvingBody,
    documentNo: input.documentNo,
    recordedBy: context.actor?.userId ?? null,
  });
  await recordInitialState(tx, {
    definition: platformWorkflow,
    objectId: row.id,
    context,
    actorName: context.actor?.displayName ?? '系统',
    action: 'register',
    comment: input.documentNo,
  });
  await recordAudit(tx, context, {
    event: 'platform.create',
    objectType: 'platforms',
    objectId: row.id,
    after: input,
  });
  return row.id;
}

export async function createPlatform(
  db: Database,
  options: { input: PlatformInput; context: RequestContext },
): Promise<Platform> {
  const { input, context } = options;
  const actor = actorOf(context);
  return db.transaction(async (tx) => {
    await checkTypeAndHosts(tx, input, context.language);
    const id = await insertPlatform(tx, input, context);
    return toDetail(tx, actor, await loadScopedPlatform(tx, actor, id));
  });
}

/**
 * A versioned edit. The level changes only by an upgrade; a corrected 认定 date, 文号 or body is
 * written to the current level's line of the history too, so the statistics follow the correction.
 */
export async function updatePlatform(
  db: Database,
  options: { id: number; input: PlatformUpdate; context: RequestContext },
): Promise<Platform> {
  const { input, context } = options;
  const actor = actorOf(context);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(platforms).where(eq(platforms.id, options.id)).for('update');
    if (!before) throw notFound();
    if (before.version !== input.version) throw versionConflict();
    await checkTypeAndHosts(tx, { ...input, level: before.level }, context.language);
    const [latest] = await tx
      .select()
      .from(platformLevelHistory)
      .where(eq(platformLevelHistory.platformId, before.id))
      .orderBy(desc(platformLevelHistory.recognizedOn), desc(platformLevelHistory.id))
      .limit(1);
    const [updated] = await tx
      .update(platforms)
      .set({
        ...describedFields(input),
        firstRecognizedOn: latest?.kind === 'recognition' ? input.recognizedOn : before.firstRecognizedOn,
        version: sql`${platforms.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(platforms.id, before.id), eq(platforms.version, input.version)))
      .returning();
    if (!updated) throw versionConflict();
    if (latest) {
      await tx
        .update(platformLevelHistory)
        .set({
          recognizedOn: input.recognizedOn,
          documentNo: input.documentNo,
          approvingBody: input.approvingBody,
        })
        .where(eq(platformLevelHistory.id, latest.id));
    }
    await writeHosts(tx, before.id, input.hostEnterpriseIds);
    await recordAudit(tx, context, {
      event: 'platform.update',
      objectType: 'platforms',
      objectId: before.id,
      before: { ...before, version: before.version },
      after: input,
    });
    return toDetail(tx, actor, updated);
  });
}

export async function readPlatform(db: Database, options: { actor: Actor; id: number }): Promise<Platform> {
  return toDetail(db, options.actor, await loadScopedPlatform(db, options.actor, options.id));
}

function listConditions(
  actor: Actor,
  query: Omit<PlatformListQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
) {
  const pattern = query.keyword
    ? `%${query.keyword.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
    : undefined;
  const conditions: (SQL | undefined)[] = [
    platformScope(actor),
    query.level === undefined ? undefined : eq(platforms.level, query.level),
    query.typeId === undefined ? undefined : eq(platforms.typeId, query.typeId),
    query.street ? eq(platforms.street, query.street) : undefined,
    pattern === undefined
      ? undefined
      : or(
          ilike(platforms.name, pattern),
          ilike(platforms.documentNo, pattern),
          sql`exists (select 1 from ${platformHosts} join ${enterprises} on ${enterprises.id} = ${platformHosts.enterpriseId} where ${platformHosts.platformId} = ${platforms.id} and ${enterprises.name} ilike ${pattern})`,
        ),
  ];
  return conditions;
}

export async function listPlatforms(
  db: Database,
  options: { actor: Actor; query: PlatformListQuery },
): Promise<PlatformPage> {
  const { query, actor } = options;
  const shared = listConditions(actor, query);
  const where = and(...shared, query.status === undefined ? undefined : eq(platforms.status, query.status));
  const direction = query.order === 'asc' ? asc : desc;
  const sortColumn = query.sort === 'name' ? platforms.name : platforms.recognizedOn;
  const [rows, [{ total }], counts] = await Promise.all([
    db
      .select({ platform: platforms, typeName: platformTypes.name })
      .from(platforms)
      .innerJoin(platformTypes, eq(platformTypes.id, platforms.typeId))
      .where(where)
      .orderBy(direction(sortColumn), direction(platforms.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(platforms).where(where),
    db
      .select({ status: platforms.status, total: sql<number>`count(*)::int` })
      .from(platforms)
      .where(and(...shared))
      .groupBy(platforms.status),
  ]);
  return {
    items: await toSummaries(
      db,
      rows.map((row) => ({ ...row.platform, typeName: row.typeName })),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
    statusCounts: Object.fromEntries(counts.map((count) => [count.status, count.total])),
  };
}
