/** A demo review round: items, reviewers drawn around the conflicts, sheets and, when finished, results. */
import {
  aggregateReviews,
  buildConflictPredicate,
  DEFAULT_RUBRIC,
  detectConflicts,
  drawReviewersAtRandom,
  type Rubric,
} from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import type { Transaction } from '../db/connection';
import {
  type experts,
  projectApplications,
  reviewAssignments,
  reviewItems,
  reviewRounds,
  workflowHistory,
} from '../db/schema';
import { type ItemConflictSubject, toConflictExpert, toConflictItem } from '../modules/reviews/round-data';
import type { Random } from './random';
import type { SeededApplication } from './seed-expert-applications';

const DAY = 86_400_000;

export type ExpertRow = typeof experts.$inferSelect;

export async function seedRound(
  tx: Transaction,
  random: Random,
  options: {
    title: string;
    callId: number;
    applications: SeededApplication[];
    pool: ExpertRow[];
    deadline: Date;
    isFinished: boolean;
    seed: number;
    staffId: number | null;
    /** An expert kept out of the draw and put on three items by hand (expert01's open invitations). */
    reserved: ExpertRow | null;
  },
): Promise<void> {
  const rubric = DEFAULT_RUBRIC as Rubric;
  const [round] = await tx
    .insert(reviewRounds)
    .values({
      title: options.title,
      subjectType: 'project-application',
      callId: options.callId,
      mode: 'online',
      rubric,
      reviewersPerItem: 5,
      loadCap: 6,
      deadline: options.deadline,
      hideIdentities: true,
      commentBelow: 60,
      status: options.isFinished ? 'finished' : 'released',
      assignmentMethod: 'random',
      assignmentSeed: options.seed,
      releasedAt: new Date(options.deadline.getTime() - 14 * 86400_000),
      finishedAt: options.isFinished ? new Date(options.deadline.getTime() + 86400_000) : null,
      createdBy: options.staffId,
    })
    .returning();
  const itemRows = await tx
    .insert(reviewItems)
    .values(
      options.applications.map((application) => {
        const subject: ItemConflictSubject = {
          applicant: { name: application.enterpriseName, creditCode: application.creditCode },
          partners: application.partners.map((name) => ({ name, creditCode: null })),
          principalInvestigator: { name: application.principal, personId: null },
          members: application.members.map((name) => ({ name, personId: null })),
          excludedExperts: [],
        };
        return {
          roundId: round.id,
          subjectType: 'project-application',
          subjectId: application.id,
          title: application.title,
          fields: [application.industry],
          conflictSubject: subject,
        };
      }),
    )
    .returning();
  const reserved = options.reserved;
  const drawPool = options.pool.filter((expert) => expert.id !== reserved?.id);
  const conflicts = detectConflicts({
    items: itemRows.map((item) => toConflictItem(item, options.pool)),
    experts: options.pool.map(toConflictExpert),
    referenceDate: options.deadline.toISOString().slice(0, 10),
  });
  const isConflicted = buildConflictPredicate(conflicts);
  const reservedItems = reserved
    ? itemRows
        .filter((item) => !isConflicted({ id: String(item.id) }, { id: String(reserved.id) }))
        .filter((item) => reserved.fields.includes(item.fields[0]))
        .slice(0, 3)
    : [];
  const result = await drawReviewersAtRandom({
    seed: options.seed,
    items: itemRows.map((item) => ({
      id: String(item.id),
      fields: item.fields,
      reviewersNeeded: reservedItems.some((reservedItem) => reservedItem.id === item.id) ? 4 : 5,
    })),
    experts: drawPool.map((expert) => ({
      id: String(expert.id),
      fields: expert.fields,
      organisation: { name: expert.organisationName, creditCode: expert.organisationCreditCode },
    })),
    reviewersPerItem: 5,
    loadCap: 6,
    isConflicted,
  });
  if (result.status !== 'assigned') throw new Error(`demo draw for ${options.title} is infeasible`);
  const picks = [
    ...result.picks.map((pick) => ({
      itemId: Number(pick.itemId),
      expertId: Number(pick.expertId),
      reason: pick.reason.zh,
    })),
    ...reservedItems.map((item) => ({ itemId: item.id, expertId: reserved!.id, reason: '工作人员手工指定' })),
  ];
  const sheets = picks.map((pick) => {
    const quality = random.next();
    const scores = Object.fromEntries(
      rubric.criteria.map((criterion) => [
        criterion.id,
        Math.max(
          criterion.minimum,
          Math.min(
            criterion.maximum,
            Math.round(criterion.maximum * (0.55 + quality * 0.4) + random.integer(-2, 2)),
          ),
        ),
      ]),
    );
    return { ...pick, scores, vote: quality > 0.3 ? 'pass' : 'fail' };
  });
  // In the open round most experts have submitted; expert01's stay invitations, a few others are still scoring.
  // Sheets of the open round were handed in since its release, never after the day the demo is loaded.
  const submittedAt = new Date(options.deadline.getTime() - (options.isFinished ? 3 : 12) * DAY);
  await tx.insert(reviewAssignments).values(
    sheets.map((sheet, index) => {
      const isReserved = reserved !== null && sheet.expertId === reserved.id;
      const isDone = options.isFinished || (!isReserved && index % 4 !== 0);
      return {
        roundId: round.id,
        itemId: sheet.itemId,
        expertId: sheet.expertId,
        status: isReserved ? 'invited' : isDone ? 'submitted' : 'accepted',
        source: isReserved ? 'manual' : 'random',
        reason: sheet.reason,
        respondedAt: isReserved ? null : submittedAt,
        scores: isDone ? sheet.scores : {},
        vote: isDone ? sheet.vote : null,
        comment: isDone ? '技术路线清晰，建议加强产学研合作。' : '',
        savedAt: isDone ? submittedAt : null,
        submittedAt: isDone ? submittedAt : null,
      };
    }),
  );
  if (!options.isFinished) return;
  const aggregation = aggregateReviews({
    rubric,
    itemIds: itemRows.map((item) => String(item.id)),
    sheets: sheets.map((sheet) => ({
      itemId: String(sheet.itemId),
      expertId: String(sheet.expertId),
      scores: sheet.scores,
      vote: sheet.vote as 'pass' | 'fail',
    })),
  });
  for (const itemResult of aggregation.items) {
    const item = itemRows.find((row) => String(row.id) === itemResult.itemId)!;
    const score = itemResult.trimmedMean === null ? null : Math.round(itemResult.trimmedMean);
    await tx
      .update(reviewItems)
      .set({
        resultScore: score,
        resultRank: itemResult.rank,
        result: itemResult,
        consensusOpinion:
          (itemResult.trimmedMean ?? 0) >= 75 ? '专家组建议予以立项支持。' : '专家组建议暂缓支持。',
      })
      .where(eq(reviewItems.id, item.id));
    await tx
      .update(projectApplications)
      .set({ status: 'reviewed', reviewScore: score, reviewRank: itemResult.rank, version: 2 })
      .where(eq(projectApplications.id, item.subjectId));
    await tx.insert(workflowHistory).values({
      workflow: 'project-application',
      objectId: item.subjectId,
      action: 'finishReview',
      fromStatus: 'underReview',
      toStatus: 'reviewed',
      actorId: options.staffId,
      actorName: '张科员',
      actorRole: 'staff',
      comment: `评审轮次「${options.title}」：得分 ${itemResult.trimmedMean}，排名 ${itemResult.rank}`,
    });
  }
}
