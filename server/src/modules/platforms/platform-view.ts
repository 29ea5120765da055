import {
  type Language,
  listAllowedActions,
  PLATFORM_FIELD_LABELS,
  PLATFORM_ISSUE_MESSAGES,
  type Platform,
  type PlatformLevelEntry,
  type PlatformStatus,
  type PlatformSummary,
  platformWorkflow,
} from '@kechuang/domain';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { readHistory } from '../../core/workflow';
import type { Executor } from '../../db/connection';
import { enterprises, platformHosts, platformLevelHistory, platforms, platformTypes } from '../../db/schema';

export type PlatformRow = typeof platforms.$inferSelect;

/** A 400 naming one field of the platform forms, worded as the form's own checks are. */
export function platformFieldError(path: string, key: string, language: Language): AppError {
  const label = PLATFORM_FIELD_LABELS[path];
  const message = PLATFORM_ISSUE_MESSAGES[key];
  const text =
    language === 'en'
      ? `${label?.en ?? path} ${message?.en ?? key}`
      : `${label?.zh ?? path}${message?.zh ?? key}`;
  return new AppError(400, 'validation', [{ path, message: text }]);
}

export function actorOf(context: RequestContext): Actor {
  if (!context.actor) throw new AppError(401, 'unauthenticated');
  return context.actor;
}

/** Which platforms the actor may see: the bureau all, an enterprise those it hosts. */
export function platformScope(actor: Actor): SQL {
  switch (actor.role) {
    case 'staff':
    case 'leader':
      return sql`true`;
    case 'enterprise':
      return actor.enterpriseId === null
        ? sql`false`
        : sql`exists (select 1 from ${platformHosts} where ${platformHosts.platformId} = ${platforms.id} and ${platformHosts.enterpriseId} = ${actor.enterpriseId})`;
    default:
      return sql`false`;
  }
}

/** A platform within the actor's scope, or 404 (never 403, so ids are not confirmed). */
export async function loadScopedPlatform(executor: Executor, actor: Actor, id: number): Promise<PlatformRow> {
  const [row] = await executor
    .select()
    .from(platforms)
    .where(and(eq(platforms.id, id), platformScope(actor)));
  if (!row) throw notFound();
  return row;
}

async function readHosts(executor: Executor, platformIds: number[]) {
  if (platformIds.length === 0) return new Map<number, PlatformSummary['hosts']>();
  const rows = await executor
    .select({
      platformId: platformHosts.platformId,
      enterpriseId: enterprises.id,
      name: enterprises.name,
      creditCode: enterprises.creditCode,
    })
    .from(platformHosts)
    .innerJoin(enterprises, eq(enterprises.id, platformHosts.enterpriseId))
    .where(inArray(platformHosts.platformId, platformIds))
    .orderBy(asc(platformHosts.platformId), asc(platformHosts.position));
  const hosts = new Map<number, PlatformSummary['hosts']>();
  for (const { platformId, ...host } of rows) {
    hosts.set(platformId, [...(hosts.get(platformId) ?? []), host]);
  }
  return hosts;
}

/** Summaries of platform rows (joined with their type name), hosts read in one query. */
export async function toSummaries(
  executor: Executor,
  rows: (PlatformRow & { typeName: string })[],
): Promise<PlatformSummary[]> {
  const hosts = await readHosts(
    executor,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    typeId: row.typeId,
    typeName: row.typeName,
    level: row.level,
    status: row.status as PlatformStatus,
    approvingBody: row.approvingBody,
    documentNo: row.documentNo,
    recognizedOn: row.recognizedOn,
    firstRecognizedOn: row.firstRecognizedOn,
    endedOn: row.endedOn,
    hosts: hosts.get(row.id) ?? [],
    field: row.field,
    street: row.street,
    areaSquareMeters: row.areaSquareMeters,
    staffCount: row.staffCount,
    equipmentFen: row.equipmentFen,
    version: row.version,
  }));
}

export async function readLevelHistory(
  executor: Executor,
  platformId: number,
): Promise<PlatformLevelEntry[]> {
  const rows = await executor
    .select()
    .from(platformLevelHistory)
    .where(eq(platformLevelHistory.platformId, platformId))
    .orderBy(asc(platformLevelHistory.recognizedOn), asc(platformLevelHistory.id));
  return rows.map((row) => ({
    id: row.id,
    level: row.level,
    kind: row.kind,
    recognizedOn: row.recognizedOn,
    approvingBody: row.approvingBody,
    documentNo: row.documentNo,
  }));
}

/** The full record as the detail drawer shows it: hosts, level history, status history, actions. */
export async function toDetail(executor: Executor, actor: Actor, row: PlatformRow): Promise<Platform> {
  const [type] = await executor
    .select({ name: platformTypes.name })
    .from(platformTypes)
    .where(eq(platformTypes.id, row.typeId));
  const [summary] = await toSummaries(executor, [{ ...row, typeName: type?.name ?? '' }]);
  return {
    ...summary,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    levelHistory: await readLevelHistory(executor, row.id),
    statusHistory: await readHistory(executor, platformWorkflow.name, row.id),
    allowedActions: listAllowedActions(platformWorkflow, row.status as PlatformStatus, {
      role: actor.role,
      isOwner: false,
    }),
    createdAt: row.createdAt.toISOString(),
  };
}
