import {
  chinaToday,
  findTypeLevelProblem,
  isUpgrade,
  PLATFORM_IN_FORCE_STATUSES,
  type PlatformApplication,
  type PlatformApplicationApproval,
  type PlatformApplicationInput,
  type PlatformApplicationListQuery,
  type PlatformApplicationPage,
  type PlatformApplicationUpdate,
  platformApplicationWorkflow,
} from '@kechuang/domain';
import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, versionConflict } from '../../core/errors';
import type { ActionInput } from '../../core/routes';
import { fireTransition, recordInitialState } from '../../core/workflow';
import type { Database, Executor, Transaction } from '../../db/connection';
import { enterprises, platformApplications, platformHosts, platforms } from '../../db/schema';
import {
  type ApplicationRow,
  applicationScope,
  isApplicant,
  loadScopedApplication,
  toApplicationDetail,
  toApplicationSummaries,
} from './application-view';
import { applyUpgrade } from './lifecycle-service';
import { actorOf, platformFieldError } from './platform-view';
import { insertPlatform } from './platforms-service';
import { findPlatformType } from './types-service';

/**
 * What the schema cannot check: the type exists and has the level; for an upgrade, the platform is
 * one the applicant hosts, in force, of that type, and the level sought is above its own.
 */
async function checkApplication(
  executor: Executor,
  enterpriseId: number,
  input: PlatformApplicationInput,
  context: RequestContext,
): Promise<void> {
  const type = await findPlatformType(executor, input.typeId);
  if (!type) throw platformFieldError('typeId', 'platforms.typeUnknown', context.language);
  const problem = findTypeLevelProblem(type, input.level, 1);
  if (problem) {
    throw platformFieldError(
      problem === 'platforms.typeInactive' ? 'typeId' : 'level',
      problem,
      context.language,
    );
  }
  if (input.platformId === null) return;
  const [platform] = await executor
    .select({ typeId: platforms.typeId, level: platforms.level, status: platforms.status })
    .from(platforms)
    .innerJoin(platformHosts, eq(platformHosts.platformId, platforms.id))
    .where(and(eq(platforms.id, input.platformId), eq(platformHosts.enterpriseId, enterpriseId)));
  if (!platform) throw platformFieldError('platformId', 'platforms.notYourPlatform', context.language);
  if (!PLATFORM_IN_FORCE_STATUSES.includes(platform.status as never)) {
    throw platformFieldError('platformId', 'platforms.platformNotInForce', context.language);
  }
  if (platform.typeId !== input.typeId) {
    throw platformFieldError('typeId', 'platforms.typeOfPlatform', context.language);
  }
  if (!isUpgrade(platform.level, input.level)) {
    throw platformFieldError('level', 'platforms.notAnUpgrade', context.language);
  }
}

const fieldsOf = (input: PlatformApplicationInput) => ({
  platformId: input.platformId,
  typeId: input.typeId,
  level: input.level,
  name: input.name,
  summary: input.summary,
  values: input.values,
  contactName: input.contactName,
  contactPhone: input.contactPhone,
});

/** An enterprise starts an application as a draft (staff do not apply on its behalf). */
export async function createApplication(
  db: Database,
  options: { input: PlatformApplicationInput; context: RequestContext },
): Promise<PlatformApplication> {
  const { input, context } = options;
  const actor = actorOf(context);
  if (actor.role !== 'enterprise' || actor.enterpriseId === null) throw new AppError(403, 'forbidden');
  const enterpriseId = actor.enterpriseId;
  return db.transaction(async (tx) => {
    await checkApplication(tx, enterpriseId, input, context);
    const [row] = await tx
      .insert(platformApplications)
      .values({ ...fieldsOf(input), enterpriseId, status: platformApplicationWorkflow.initial })
      .returning();
    await recordInitialState(tx, {
      definition: platformApplicationWorkflow,
      objectId: row.id,
      context,
      actorName: actor.displayName,
      action: 'create',
      comment: undefined,
    });
    await recordAudit(tx, context, {
      event: 'platform-application.create',
      objectType: 'platform_applications',
      objectId: row.id,
      after: input,
    });
    return toApplicationDetail(tx, actor, row);
  });
}

/** The applicant edits a draft or an application returned for correction. */
export async function updateApplication(
  db: Database,
  options: { id: number; input: PlatformApplicationUpdate; context: RequestContext },
): Promise<PlatformApplication> {
  const { input, context } = options;
  const actor = actorOf(context);
  return db.transaction(async (tx) => {
    const before = await loadScopedApplication(tx, actor, options.id);
    if (!isApplicant(actor, before)) throw new AppError(403, 'forbidden');
    if (before.version !== input.version) throw versionConflict();
    if (before.status !== 'draft' && before.status !== 'returned') {
      throw platformFieldError('action', 'platforms.applicationNotEditable', context.language);
    }
    await checkApplication(tx, before.enterpriseId, input, context);
    const [row] = await tx
      .update(platformApplications)
      .set({ ...fieldsOf(input), version: sql`${platformApplications.version} + 1`, updatedAt: new Date() })
      .where(and(eq(platformApplications.id, before.id), eq(platformApplications.version, input.version)))
      .returning();
    if (!row) throw versionConflict();
    await recordAudit(tx, context, {
      event: 'platform-application.update',
      objectType: 'platform_applications',
      objectId: row.id,
      before,
      after: input,
    });
    return toApplicationDetail(tx, actor, row);
  });
}

async function fire(
  tx: Transaction,
  actor: Actor,
  row: ApplicationRow,
  options: { action: string; version: number; comment?: string; context: RequestContext },
  extraAssignments: ReturnType<typeof sql>[] = [],
) {
  await fireTransition(tx, {
    definition: platformApplicationWorkflow,
    table: 'platform_applications',
    objectId: row.id,
    action: options.action,
    expectedVersion: options.version,
    comment: options.comment,
    context: options.context,
    isOwner: isApplicant(actor, row),
    ownerEnterpriseId: row.enterpriseId,
    subject: row.name,
    link:
      actor.role === 'enterprise' ? '/bureau/platforms/applications' : '/enterprise/platform-applications',
    extraAssignments,
  });
}

/** 提交 / 退回补正 / 推荐上报 / 不予推荐 / 未获认定 / 撤回 through the workflow runtime. */
export async function actOnApplication(
  db: Database,
  input: ActionInput<'submit' | 'return' | 'recommend' | 'decline' | 'reject' | 'withdraw'>,
): Promise<PlatformApplication> {
  const actor = actorOf(input.context);
  return db.transaction(async (tx) => {
    const row = await loadScopedApplication(tx, actor, input.id);
    const extras = input.action === 'submit' ? [sql`submitted_on = ${chinaToday()}`] : [];
    await fire(tx, actor, row, input, extras);
    return toApplicationDetail(tx, actor, await loadScopedApplication(tx, actor, row.id));
  });
}

/**
 * The higher authority approved: a new platform goes on the register hosted by the applicant, or
 * the platform is raised to the level (one record, a new line in its level history); the body,
 * 文号 and date are kept on the application with the platform they produced.
 */
export async function approveApplication(
  db: Database,
  options: { id: number; input: PlatformApplicationApproval; context: RequestContext },
): Promise<PlatformApplication> {
  const { input, context } = options;
  const actor = actorOf(context);
  return db.transaction(async (tx) => {
    const row = await loadScopedApplication(tx, actor, options.id);
    if (row.version !== input.version) throw versionConflict();
    if (row.status !== 'recommended') throw new AppError(409, 'transitionNotAllowed');
    let platformId: number;
    if (row.platformId) {
      const [platform] = await tx.select().from(platforms).where(eq(platforms.id, row.platformId));
      await applyUpgrade(tx, platform, { ...input, level: row.level, version: platform.version }, context);
      platformId = platform.id;
    } else {
      const [host] = await tx
        .select({ street: enterprises.street })
        .from(enterprises)
        .where(eq(enterprises.id, row.enterpriseId));
      platformId = await insertPlatform(
        tx,
        {
          name: row.name,
          typeId: row.typeId,
          level: row.level,
          approvingBody: input.approvingBody,
          documentNo: input.documentNo,
          recognizedOn: input.recognizedOn,
          hostEnterpriseIds: [row.enterpriseId],
          field: null,
          street: host?.street ?? null,
          areaSquareMeters:
            typeof row.values.areaSquareMeters === 'number' ? row.values.areaSquareMeters : null,
          staffCount: null,
          equipmentFen: null,
          contactName: row.contactName,
          contactPhone: row.contactPhone,
        },
        context,
      );
    }
    await fire(
      tx,
      actor,
      row,
      { action: 'approve', version: input.version, comment: input.documentNo, context },
      [
        sql`approving_body = ${input.approvingBody}`,
        sql`document_no = ${input.documentNo}`,
        sql`recognized_on = ${input.recognizedOn}`,
        sql`result_platform_id = ${platformId}`,
      ],
    );
    return toApplicationDetail(tx, actor, await loadScopedApplication(tx, actor, row.id));
  });
}

export async function readApplication(
  db: Database,
  options: { actor: Actor; id: number },
): Promise<PlatformApplication> {
  return toApplicationDetail(db, options.actor, await loadScopedApplication(db, options.actor, options.id));
}

export async function listApplications(
  db: Database,
  options: { actor: Actor; query: PlatformApplicationListQuery },
): Promise<PlatformApplicationPage> {
  const { actor, query } = options;
  const pattern = query.keyword
    ? `%${query.keyword.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
    : undefined;
  const shared = [
    applicationScope(actor),
    query.typeId === undefined ? undefined : eq(platformApplications.typeId, query.typeId),
    query.level === undefined ? undefined : eq(platformApplications.level, query.level),
    pattern === undefined
      ? undefined
      : or(
          ilike(platformApplications.name, pattern),
          sql`exists (select 1 from ${enterprises} where ${enterprises.id} = ${platformApplications.enterpriseId} and ${enterprises.name} ilike ${pattern})`,
        ),
  ];
  const where = and(...shared, query.status ? eq(platformApplications.status, query.status) : undefined);
  const direction = query.order === 'asc' ? asc : desc;
  const [rows, [{ total }], counts] = await Promise.all([
    db
      .select()
      .from(platformApplications)
      .where(where)
      .orderBy(direction(platformApplications.createdAt), direction(platformApplications.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(platformApplications).where(where),
    db
      .select({ status: platformApplications.status, total: sql<number>`count(*)::int` })
      .from(platformApplications)
      .where(and(...shared))
      .groupBy(platformApplications.status),
  ]);
  return {
    items: await toApplicationSummaries(db, rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
    statusCounts: Object.fromEntries(counts.map((count) => [count.status, count.total])),
  };
}
