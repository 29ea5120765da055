import {
  chinaToday,
  consequenceOf,
  type EvaluationConsequenceInput,
  type EvaluationGrade,
  type EvaluationListQuery,
  type EvaluationPage,
  type EvaluationReport,
  type EvaluationRound,
  type EvaluationRoundInput,
  type EvaluationRoundPage,
  evaluationRoundWorkflow,
  PLATFORM_IN_FORCE_STATUSES,
  type PlatformEvaluation,
  platformEvaluationWorkflow,
} from '@kechuang/domain';
import { and, asc, desc, eq, gt, ilike, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound, versionConflict } from '../../core/errors';
import type { ActionInput } from '../../core/routes';
import { fireTransition, recordInitialState } from '../../core/workflow';
import type { Database, Executor, Transaction } from '../../db/connection';
import {
  platformEvaluationRounds,
  platformEvaluations,
  platformHosts,
  platformLevelHistory,
  platforms,
  platformTypes,
} from '../../db/schema';
import {
  type EvaluationJoined,
  evaluationScope,
  isHostOf,
  loadScopedEvaluation,
  selectEvaluations,
  toEvaluation,
  toEvaluationDetail,
  toRounds,
} from './evaluation-view';
import { applyStatusAction } from './lifecycle-service';
import { actorOf, platformFieldError } from './platform-view';
import { findPlatformType } from './types-service';

/**
 * Opens the year's round for a type: every platform of the type recognised by the year's end and
 * still in force gets its evaluation, waiting for its report.
 */
export async function createRound(
  db: Executor,
  options: { input: EvaluationRoundInput; context: RequestContext },
): Promise<EvaluationRound> {
  const { input, context } = options;
  const actor = actorOf(context);
  const run = async (tx: Transaction) => {
    if (!(await findPlatformType(tx, input.typeId))) {
      throw platformFieldError('typeId', 'platforms.typeUnknown', context.language);
    }
    const [round] = await tx
      .insert(platformEvaluationRounds)
      .values({ typeId: input.typeId, year: input.year, status: evaluationRoundWorkflow.initial })
      .returning();
    await recordInitialState(tx, {
      definition: evaluationRoundWorkflow,
      objectId: round.id,
      context,
      actorName: actor.displayName,
    });
    const members = await tx
      .select({ id: platforms.id })
      .from(platforms)
      .where(
        and(
          eq(platforms.typeId, input.typeId),
          lte(platforms.firstRecognizedOn, `${input.year}-12-31`),
          or(isNull(platforms.endedOn), gt(platforms.endedOn, `${input.year}-12-31`)),
        ),
      );
    if (members.length > 0) {
      await tx.insert(platformEvaluations).values(
        members.map((member) => ({
          roundId: round.id,
          platformId: member.id,
          status: platformEvaluationWorkflow.initial,
        })),
      );
    }
    await recordAudit(tx, context, {
      event: 'platform-evaluation-round.create',
      objectType: 'platform_evaluation_rounds',
      objectId: round.id,
      after: { ...input, platforms: members.length },
    });
    const [type] = await tx
      .select({ name: platformTypes.name })
      .from(platformTypes)
      .where(eq(platformTypes.id, input.typeId));
    return (await toRounds(tx, actor, [{ ...round, typeName: type.name }]))[0];
  };
  try {
    return await db.transaction(run);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        409,
        'duplicate',
        platformFieldError('year', 'platforms.roundExists', context.language).details,
      );
    }
    throw error;
  }
}

export async function listRounds(
  db: Database,
  options: { actor: Actor; query: { page: number; pageSize: number; year?: number; typeId?: number } },
): Promise<EvaluationRoundPage> {
  const { query } = options;
  const where = and(
    query.year === undefined ? undefined : eq(platformEvaluationRounds.year, query.year),
    query.typeId === undefined ? undefined : eq(platformEvaluationRounds.typeId, query.typeId),
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ round: platformEvaluationRounds, typeName: platformTypes.name })
      .from(platformEvaluationRounds)
      .innerJoin(platformTypes, eq(platformTypes.id, platformEvaluationRounds.typeId))
      .where(where)
      .orderBy(
        desc(platformEvaluationRounds.year),
        asc(platformTypes.sortOrder),
        asc(platformEvaluationRounds.id),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(platformEvaluationRounds).where(where),
  ]);
  return {
    items: await toRounds(
      db,
      options.actor,
      rows.map((row) => ({ ...row.round, typeName: row.typeName })),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function actOnRound(
  db: Database,
  input: ActionInput<'close' | 'reopen'>,
): Promise<EvaluationRound> {
  const actor = actorOf(input.context);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ round: platformEvaluationRounds, typeName: platformTypes.name })
      .from(platformEvaluationRounds)
      .innerJoin(platformTypes, eq(platformTypes.id, platformEvaluationRounds.typeId))
      .where(eq(platformEvaluationRounds.id, input.id));
    if (!row) throw notFound();
    await fireTransition(tx, {
      definition: evaluationRoundWorkflow,
      table: 'platform_evaluation_rounds',
      objectId: row.round.id,
      action: input.action,
      expectedVersion: input.version,
      comment: input.comment,
      context: input.context,
      isOwner: false,
      ownerEnterpriseId: null,
      subject: `${row.round.year}年度${row.typeName}绩效评价`,
      link: null,
    });
    const [round] = await tx
      .select()
      .from(platformEvaluationRounds)
      .where(eq(platformEvaluationRounds.id, row.round.id));
    return (await toRounds(tx, actor, [{ ...round, typeName: row.typeName }]))[0];
  });
}

function requireOpen(row: EvaluationJoined, context: RequestContext) {
  if (row.roundStatus !== 'open') throw platformFieldError('year', 'platforms.roundClosed', context.language);
}

async function fire(
  tx: Transaction,
  row: EvaluationJoined,
  options: { action: string; version: number; comment?: string; context: RequestContext; isOwner: boolean },
  extraAssignments: ReturnType<typeof sql>[] = [],
) {
  await fireTransition(tx, {
    definition: platformEvaluationWorkflow,
    table: 'platform_evaluations',
    objectId: row.evaluation.id,
    action: options.action,
    expectedVersion: options.version,
    comment: options.comment,
    context: options.context,
    isOwner: options.isOwner,
    ownerEnterpriseId: await leadHostOf(tx, row.evaluation.platformId),
    subject: `${row.platformName} ${row.year}年度绩效评价`,
    link: null,
    extraAssignments,
  });
}

async function leadHostOf(tx: Transaction, platformId: number): Promise<number | null> {
  const [row] = await tx
    .select({ enterpriseId: platformHosts.enterpriseId })
    .from(platformHosts)
    .where(eq(platformHosts.platformId, platformId))
    .orderBy(asc(platformHosts.position))
    .limit(1);
  return row?.enterpriseId ?? null;
}

/** The host files its platform's yearly report (never for a revoked or delisted platform). */
export async function reportEvaluation(
  db: Executor,
  options: {
    id: number;
    input: EvaluationReport;
    context: RequestContext;
    reportedOn?: string;
  },
): Promise<PlatformEvaluation> {
  const { input, context } = options;
  const actor = actorOf(context);
  const run = async (tx: Transaction) => {
    const row = await loadScopedEvaluation(tx, actor, options.id);
    requireOpen(row, context);
    if (!PLATFORM_IN_FORCE_STATUSES.includes(row.platformStatus as never)) {
      throw platformFieldError('platformId', 'platforms.reportForEndedPlatform', context.language);
    }
    await fire(
      tx,
      row,
      {
        action: 'report',
        version: input.version,
        context,
        isOwner: await isHostOf(tx, actor, row.evaluation.platformId),
      },
      [
        sql`figures = ${JSON.stringify(input.figures)}::jsonb`,
        sql`summary = ${input.summary}`,
        sql`reported_on = ${options.reportedOn ?? chinaToday()}`,
      ],
    );
    return toEvaluationDetail(tx, actor, await loadScopedEvaluation(tx, actor, row.evaluation.id));
  };
  return db.transaction(run);
}

/** 退回修改: staff send a report back to its host. */
export async function actOnEvaluation(
  db: Database,
  input: ActionInput<'return'>,
): Promise<PlatformEvaluation> {
  const actor = actorOf(input.context);
  return db.transaction(async (tx) => {
    const row = await loadScopedEvaluation(tx, actor, input.id);
    requireOpen(row, input.context);
    await fire(tx, row, { ...input, isOwner: false });
    return toEvaluationDetail(tx, actor, await loadScopedEvaluation(tx, actor, row.evaluation.id));
  });
}

/**
 * Staff grade an evaluation on its type's scale; the consequence the type's rule sets is worked out
 * from the platform's grades of the earlier years (since its last upgrade) and kept for staff to apply.
 */
export async function gradeEvaluation(
  db: Executor,
  options: { id: number; input: EvaluationGrade; context: RequestContext },
): Promise<PlatformEvaluation> {
  const { input, context } = options;
  const actor = actorOf(context);
  const run = async (tx: Transaction) => {
    const row = await loadScopedEvaluation(tx, actor, options.id);
    requireOpen(row, context);
    if (!row.rule.grades.some((grade) => grade.code === input.grade)) {
      throw platformFieldError('grade', 'platforms.gradeNotOfScale', context.language);
    }
    const earlier = await tx
      .select({ year: platformEvaluationRounds.year, grade: platformEvaluations.grade })
      .from(platformEvaluations)
      .innerJoin(platformEvaluationRounds, eq(platformEvaluationRounds.id, platformEvaluations.roundId))
      .where(
        and(
          eq(platformEvaluations.platformId, row.evaluation.platformId),
          isNotNull(platformEvaluations.grade),
          sql`${platformEvaluationRounds.year} < ${row.year}`,
        ),
      );
    const [upgrade] = await tx
      .select({ year: sql<number | null>`max(extract(year from ${platformLevelHistory.recognizedOn}))::int` })
      .from(platformLevelHistory)
      .where(
        and(
          eq(platformLevelHistory.platformId, row.evaluation.platformId),
          eq(platformLevelHistory.kind, 'upgrade'),
        ),
      );
    const outcome = consequenceOf(
      row.rule,
      [...earlier, { year: row.year, grade: input.grade }],
      upgrade?.year ?? null,
    );
    await fire(
      tx,
      row,
      { action: 'grade', version: input.version, comment: input.comment, context, isOwner: false },
      [
        sql`score = ${input.score}`,
        sql`grade = ${input.grade}`,
        sql`grade_comment = ${input.comment ?? null}`,
        sql`consecutive_failing = ${outcome.consecutiveFailing}`,
        sql`consequence = ${outcome.consequence}`,
      ],
    );
    return toEvaluationDetail(tx, actor, await loadScopedEvaluation(tx, actor, row.evaluation.id));
  };
  return db.transaction(run);
}

/**
 * Staff confirm the consequence: the platform is warned or revoked through its own lifecycle (its
 * status history names the evaluation); a warning on a platform already warned changes nothing more.
 */
export async function applyConsequence(
  db: Executor,
  options: { id: number; input: EvaluationConsequenceInput; context: RequestContext },
): Promise<PlatformEvaluation> {
  const { input, context } = options;
  const actor = actorOf(context);
  const run = async (tx: Transaction) => {
    const row = await loadScopedEvaluation(tx, actor, options.id);
    if (row.evaluation.version !== input.version) throw versionConflict();
    if (row.evaluation.status !== 'graded' || row.evaluation.consequence === 'none') {
      throw platformFieldError('grade', 'platforms.noConsequence', context.language);
    }
    if (row.evaluation.consequenceAppliedOn)
      throw platformFieldError('grade', 'platforms.consequenceApplied', context.language);
    const [platform] = await tx
      .select()
      .from(platforms)
      .where(eq(platforms.id, row.evaluation.platformId))
      .for('update');
    const gradeLabel = row.rule.grades.find((grade) => grade.code === row.evaluation.grade)?.label ?? '';
    const reason = `${row.year}年度绩效评价${gradeLabel}（连续${row.evaluation.consecutiveFailing}年不合格）`;
    const action =
      row.evaluation.consequence === 'revoke' ? 'revoke' : platform.status === 'operating' ? 'warn' : null;
    if (action) {
      await applyStatusAction(
        tx,
        platform,
        action,
        { version: platform.version, comment: reason, effectiveOn: input.effectiveOn },
        context,
      );
    }
    const [updated] = await tx
      .update(platformEvaluations)
      .set({
        consequenceAppliedOn: input.effectiveOn,
        version: sql`${platformEvaluations.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(eq(platformEvaluations.id, row.evaluation.id), eq(platformEvaluations.version, input.version)),
      )
      .returning({ id: platformEvaluations.id });
    if (!updated) throw versionConflict();
    await recordAudit(tx, context, {
      event: 'platform-evaluation.consequence',
      objectType: 'platform_evaluations',
      objectId: row.evaluation.id,
      after: { consequence: row.evaluation.consequence, action, effectiveOn: input.effectiveOn },
    });
    return toEvaluationDetail(tx, actor, await loadScopedEvaluation(tx, actor, row.evaluation.id));
  };
  return db.transaction(run);
}

export async function readEvaluation(
  db: Database,
  options: { actor: Actor; id: number },
): Promise<PlatformEvaluation> {
  return toEvaluationDetail(db, options.actor, await loadScopedEvaluation(db, options.actor, options.id));
}

export async function listEvaluations(
  db: Database,
  options: { actor: Actor; query: EvaluationListQuery },
): Promise<EvaluationPage> {
  const { actor, query } = options;
  const pattern = query.keyword
    ? `%${query.keyword.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
    : undefined;
  const shared = [
    evaluationScope(actor),
    query.roundId === undefined ? undefined : eq(platformEvaluations.roundId, query.roundId),
    query.year === undefined ? undefined : eq(platformEvaluationRounds.year, query.year),
    query.grade ? eq(platformEvaluations.grade, query.grade) : undefined,
    query.pendingConsequence
      ? and(
          sql`${platformEvaluations.consequence} <> 'none'`,
          sql`${platformEvaluations.consequenceAppliedOn} is null`,
        )
      : undefined,
    pattern ? ilike(platforms.name, pattern) : undefined,
  ];
  const where = and(...shared, query.status ? eq(platformEvaluations.status, query.status) : undefined);
  const direction = query.order === 'asc' ? asc : desc;
  const [rows, [{ total }], counts] = await Promise.all([
    selectEvaluations(db)
      .where(where)
      .orderBy(desc(platformEvaluationRounds.year), direction(platforms.name), asc(platformEvaluations.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(platformEvaluations)
      .innerJoin(platformEvaluationRounds, eq(platformEvaluationRounds.id, platformEvaluations.roundId))
      .innerJoin(platforms, eq(platforms.id, platformEvaluations.platformId))
      .where(where),
    db
      .select({ status: platformEvaluations.status, total: sql<number>`count(*)::int` })
      .from(platformEvaluations)
      .innerJoin(platformEvaluationRounds, eq(platformEvaluationRounds.id, platformEvaluations.roundId))
      .innerJoin(platforms, eq(platforms.id, platformEvaluations.platformId))
      .where(and(...shared))
      .groupBy(platformEvaluations.status),
  ]);
  const hosted = actor.role === 'enterprise';
  return {
    items: rows.map((row) => toEvaluation(row, actor, { isHost: hosted })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    statusCounts: Object.fromEntries(counts.map((count) => [count.status, count.total])),
  };
}
