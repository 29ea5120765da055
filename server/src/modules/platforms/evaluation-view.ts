import {
  type EvaluationRound,
  type EvaluationRoundStatus,
  evaluationRoundWorkflow,
  listAllowedActions,
  type PlatformEvaluation,
  type PlatformEvaluationStatus,
  type PlatformStatus,
  platformEvaluationWorkflow,
} from '@kechuang/domain';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/context';
import { notFound } from '../../core/errors';
import { readHistory } from '../../core/workflow';
import type { Executor } from '../../db/connection';
import {
  enterprises,
  platformEvaluationRounds,
  platformEvaluations,
  platformHosts,
  platforms,
  platformTypes,
} from '../../db/schema';

/** The bureau sees every evaluation; an enterprise those of the platforms it hosts. */
export function evaluationScope(actor: Actor): SQL {
  if (actor.role === 'staff' || actor.role === 'leader') return sql`true`;
  if (actor.role === 'enterprise' && actor.enterpriseId !== null) {
    return sql`exists (select 1 from ${platformHosts} where ${platformHosts.platformId} = ${platformEvaluations.platformId} and ${platformHosts.enterpriseId} = ${actor.enterpriseId})`;
  }
  return sql`false`;
}

/** An evaluation joined with its round, type and platform, as lists and the detail read it. */
export function selectEvaluations(executor: Executor) {
  return executor
    .select({
      evaluation: platformEvaluations,
      year: platformEvaluationRounds.year,
      roundStatus: platformEvaluationRounds.status,
      typeName: platformTypes.name,
      rule: platformTypes.evaluationRule,
      platformName: platforms.name,
      level: platforms.level,
      platformStatus: platforms.status,
      hostNames: sql<string>`(select string_agg(${enterprises.name}, '、' order by ${platformHosts.position}) from ${platformHosts} join ${enterprises} on ${enterprises.id} = ${platformHosts.enterpriseId} where ${platformHosts.platformId} = ${platforms.id})`,
    })
    .from(platformEvaluations)
    .innerJoin(platformEvaluationRounds, eq(platformEvaluationRounds.id, platformEvaluations.roundId))
    .innerJoin(platformTypes, eq(platformTypes.id, platformEvaluationRounds.typeId))
    .innerJoin(platforms, eq(platforms.id, platformEvaluations.platformId));
}

export type EvaluationJoined = Awaited<ReturnType<ReturnType<typeof selectEvaluations>['where']>>[number];

export async function loadScopedEvaluation(
  executor: Executor,
  actor: Actor,
  id: number,
): Promise<EvaluationJoined> {
  const [row] = await selectEvaluations(executor).where(
    and(eq(platformEvaluations.id, id), evaluationScope(actor)),
  );
  if (!row) throw notFound();
  return row;
}

export async function isHostOf(executor: Executor, actor: Actor, platformId: number): Promise<boolean> {
  if (actor.role !== 'enterprise' || actor.enterpriseId === null) return false;
  const [row] = await executor
    .select({ id: platformHosts.id })
    .from(platformHosts)
    .where(and(eq(platformHosts.platformId, platformId), eq(platformHosts.enterpriseId, actor.enterpriseId)));
  return row !== undefined;
}

export function toEvaluation(
  row: EvaluationJoined,
  actor: Actor,
  options: { isHost: boolean; history?: PlatformEvaluation['history'] },
): PlatformEvaluation {
  const { evaluation } = row;
  const gradeLabel = row.rule.grades.find((grade) => grade.code === evaluation.grade)?.label ?? null;
  return {
    id: evaluation.id,
    roundId: evaluation.roundId,
    year: row.year,
    roundStatus: row.roundStatus as EvaluationRoundStatus,
    typeName: row.typeName,
    platformId: evaluation.platformId,
    platformName: row.platformName,
    level: row.level,
    platformStatus: row.platformStatus as PlatformStatus,
    hostNames: row.hostNames ?? '',
    status: evaluation.status as PlatformEvaluationStatus,
    figures: evaluation.figures,
    summary: evaluation.summary,
    reportedOn: evaluation.reportedOn,
    score: evaluation.score,
    grade: evaluation.grade,
    gradeLabel,
    gradeComment: evaluation.gradeComment,
    consecutiveFailing: evaluation.consecutiveFailing,
    consequence: evaluation.consequence,
    consequenceAppliedOn: evaluation.consequenceAppliedOn,
    grades: row.rule.grades.map(({ code, label, minScore }) => ({ code, label, minScore })),
    allowedActions:
      row.roundStatus === 'open'
        ? listAllowedActions(platformEvaluationWorkflow, evaluation.status as PlatformEvaluationStatus, {
            role: actor.role,
            isOwner: options.isHost,
          })
        : [],
    history: options.history ?? [],
    version: evaluation.version,
  };
}

export async function toEvaluationDetail(executor: Executor, actor: Actor, row: EvaluationJoined) {
  return toEvaluation(row, actor, {
    isHost: await isHostOf(executor, actor, row.evaluation.platformId),
    history: await readHistory(executor, platformEvaluationWorkflow.name, row.evaluation.id),
  });
}

/** Rounds with their progress: how many platforms reported, were graded, and the grades given. */
export async function toRounds(
  executor: Executor,
  actor: Actor,
  rows: (typeof platformEvaluationRounds.$inferSelect & { typeName: string })[],
): Promise<EvaluationRound[]> {
  const ids = rows.map((row) => row.id);
  const counts =
    ids.length === 0
      ? []
      : await executor
          .select({
            roundId: platformEvaluations.roundId,
            status: platformEvaluations.status,
            grade: platformEvaluations.grade,
            total: sql<number>`count(*)::int`,
          })
          .from(platformEvaluations)
          .where(inArray(platformEvaluations.roundId, ids))
          .groupBy(platformEvaluations.roundId, platformEvaluations.status, platformEvaluations.grade);
  return rows.map((row) => {
    const mine = counts.filter((count) => count.roundId === row.id);
    const sum = (test: (count: (typeof mine)[number]) => boolean) =>
      mine.filter(test).reduce((total, count) => total + count.total, 0);
    const gradeCounts: Record<string, number> = {};
    for (const count of mine)
      if (count.grade) gradeCounts[count.grade] = (gradeCounts[count.grade] ?? 0) + count.total;
    return {
      id: row.id,
      typeId: row.typeId,
      typeName: row.typeName,
      year: row.year,
      status: row.status as EvaluationRoundStatus,
      total: sum(() => true),
      reported: sum((count) => count.status !== 'pending'),
      graded: sum((count) => count.status === 'graded'),
      gradeCounts,
      allowedActions: listAllowedActions(evaluationRoundWorkflow, row.status as EvaluationRoundStatus, {
        role: actor.role,
        isOwner: false,
      }),
      version: row.version,
    };
  });
}
