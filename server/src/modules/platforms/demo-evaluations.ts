import { type EvaluationFigures, evaluationRoundWorkflow } from '@kechuang/domain';
import { asc, eq } from 'drizzle-orm';
import type { RequestContext } from '../../core/context';
import { fireTransition } from '../../core/workflow';
import type { Transaction } from '../../db/connection';
import { platformEvaluations, platformHosts, platforms, platformTypes } from '../../db/schema';
import { createRandom } from '../../demo/random';
import { applicantContext } from './demo-applications';
import { applyConsequence, createRound, gradeEvaluation, reportEvaluation } from './evaluation-service';

/** Scores of the 2020 round in platform order: 优秀 to 合格; 不合格 only for the one failing in 2019, failing again. */
const SCORES_2020 = [93, 86, 74, 79, 91, 82, 68, 77, 64, 88, 71];

function figuresFor(random: ReturnType<typeof createRandom>): EvaluationFigures {
  return {
    rdSpendWan: random.integer(30, 600),
    staff: random.integer(6, 60),
    patents: random.integer(0, 12),
    projects: random.integer(0, 6),
    incubated: random.integer(3, 40),
    services: random.integer(10, 120),
    incomeWan: random.integer(80, 1500),
  };
}

/**
 * 众创空间 绩效评价 for 2019 and 2020, both finished: in 2019 one city 众创空间 graded 不合格 and warned
 * (2020-04-30); in 2020 every grade given, and the same platform 不合格 again, its revocation set by the
 * rule and waiting for staff to confirm it.
 */
export async function seedEvaluationsDemo(tx: Transaction, staffContext: RequestContext): Promise<void> {
  const random = createRandom(2_020_123);
  const [type] = await tx.select().from(platformTypes).where(eq(platformTypes.code, 'makerspace'));
  if (!type) return;
  let failing: number | null = null;
  for (const year of [2019, 2020]) {
    const round = await createRound(tx, { input: { typeId: type.id, year }, context: staffContext });
    const members = await tx
      .select({
        evaluation: platformEvaluations,
        level: platforms.level,
        endedOn: platforms.endedOn,
        hostId: platformHosts.enterpriseId,
      })
      .from(platformEvaluations)
      .innerJoin(platforms, eq(platforms.id, platformEvaluations.platformId))
      .innerJoin(platformHosts, eq(platformHosts.platformId, platforms.id))
      .where(eq(platformEvaluations.roundId, round.id))
      .orderBy(asc(platforms.id));
    if (failing === null)
      failing =
        members.find((member) => member.level === 'city' && member.endedOn === null)?.evaluation.platformId ??
        null;
    for (const [index, member] of members.entries()) {
      let version = member.evaluation.version;
      const isFailing = member.evaluation.platformId === failing;
      if ((!isFailing || year === 2020) && member.endedOn === null) {
        const reported = await reportEvaluation(tx, {
          id: member.evaluation.id,
          input: { figures: figuresFor(random), summary: `${year}年度运营情况总结`, version },
          context: await applicantContext(tx, member.hostId),
          reportedOn: `${year + 1}-02-${String(10 + (index % 15)).padStart(2, '0')}`,
        });
        version = reported.version;
      }
      const score = isFailing
        ? 52 - (year - 2019) * 6
        : year === 2019
          ? 70 + random.integer(0, 25)
          : SCORES_2020[index % SCORES_2020.length];
      const graded = await gradeEvaluation(tx, {
        id: member.evaluation.id,
        input: {
          score,
          grade: score >= 90 ? 'excellent' : score >= 80 ? 'good' : score >= 60 ? 'pass' : 'fail',
          comment: isFailing ? '在孵团队不足、全年创业活动少于规定场次' : undefined,
          version,
        },
        context: staffContext,
      });
      if (isFailing && year === 2019) {
        await applyConsequence(tx, {
          id: graded.id,
          input: { effectiveOn: '2020-04-30', version: graded.version },
          context: staffContext,
        });
      }
    }
    await fireTransition(tx, {
      definition: evaluationRoundWorkflow,
      table: 'platform_evaluation_rounds',
      objectId: round.id,
      action: 'close',
      expectedVersion: round.version,
      context: staffContext,
      isOwner: false,
      ownerEnterpriseId: null,
      subject: `${year}年度众创空间绩效评价`,
      link: null,
    });
  }
}
