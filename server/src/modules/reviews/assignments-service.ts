import { clusterOrganisations, fieldAffinity, type Text, translate } from '@kechuang/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound } from '../../core/errors';
import type { Database, Executor } from '../../db/connection';
import { experts, reviewAssignments, reviewItems } from '../../db/schema';
import { REVIEW_MESSAGES } from './messages';
import {
  bumpRoundVersion,
  computeRoundConflicts,
  type ExpertRow,
  loadActivePool,
  loadExpertsByIds,
  loadRound,
  loadRoundAssignments,
  requireItemAndExpert,
  requireRoundOpen,
} from './round-data';
import { notifyExperts } from './rounds-service';

/** Why a pair cannot be assigned, or null: conflicts, the expert's state, an organisation already on the item. */
async function findPairProblem(
  executor: Executor,
  options: { roundId: number; itemId: number; expert: ExpertRow },
): Promise<Text | null> {
  const round = await loadRound(executor, options.roundId);
  const [item] = await executor.select().from(reviewItems).where(eq(reviewItems.id, options.itemId));
  if (options.expert.status !== 'active') return REVIEW_MESSAGES.expertNotActive;
  const [{ load }] = await executor
    .select({ load: sql<number>`count(*)::int` })
    .from(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.roundId, options.roundId),
        eq(reviewAssignments.expertId, options.expert.id),
        inArray(reviewAssignments.status, ['invited', 'accepted', 'submitted']),
      ),
    );
  if (load >= round.loadCap) return REVIEW_MESSAGES.loadCapReached({ loadCap: round.loadCap });
  const pairs = await computeRoundConflicts(executor, { round, items: [item], pool: [options.expert] });
  const blocking = pairs.find((pair) => pair.isBlocking);
  if (blocking)
    return {
      zh: blocking.conflicts.map((conflict) => conflict.reason.zh).join('；'),
      en: blocking.conflicts.map((conflict) => conflict.reason.en).join('; '),
    };
  const onItem = await executor
    .select({ expert: experts })
    .from(reviewAssignments)
    .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
    .where(
      and(
        eq(reviewAssignments.itemId, options.itemId),
        inArray(reviewAssignments.status, ['invited', 'accepted', 'submitted']),
      ),
    );
  const others = onItem.map((row) => row.expert).filter((expert) => expert.id !== options.expert.id);
  const organisations = [options.expert, ...others].map((expert) => ({
    name: expert.organisationName,
    creditCode: expert.organisationCreditCode,
  }));
  const clusters = clusterOrganisations(organisations);
  if (clusters.slice(1).includes(clusters[0]))
    return REVIEW_MESSAGES.sameOrganisationOnItem({ organisation: options.expert.organisationName });
  return null;
}

async function insertAssignment(
  executor: Executor,
  values: {
    roundId: number;
    itemId: number;
    expertId: number;
    source: string;
    reason: string;
    status: string;
  },
  context: RequestContext,
) {
  try {
    const [row] = await executor
      .insert(reviewAssignments)
      .values(values)
      .returning({ id: reviewAssignments.id });
    return row.id;
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError(409, 'duplicate', [
        {
          path: 'expertId',
          message: translate(REVIEW_MESSAGES.expertAlreadyOnItem, context.language),
        },
      ]);
    throw error;
  }
}

/** A manual pick, checked like the automatic ones: a blocking conflict is refused with its reasons. */
export async function addAssignment(
  db: Database,
  options: { id: number; itemId: number; expertId: number; context: RequestContext },
) {
  const { context } = options;
  await db.transaction(async (tx) => {
    const round = await loadRound(tx, options.id, true);
    requireRoundOpen(round, true);
    const { expert } = await requireItemAndExpert(tx, round.id, options.itemId, options.expertId);
    const problem = await findPairProblem(tx, {
      roundId: round.id,
      itemId: options.itemId,
      expert,
    });
    if (problem)
      throw new AppError(409, 'reviewConflict', [
        {
          path: 'expertId',
          message: translate(REVIEW_MESSAGES.expertCannotBeAssigned({ problem }), context.language),
        },
      ]);
    const id = await insertAssignment(
      tx,
      {
        roundId: round.id,
        itemId: options.itemId,
        expertId: expert.id,
        source: 'manual',
        reason: REVIEW_MESSAGES.manualPickReason.zh,
        status: 'invited',
      },
      context,
    );
    await bumpRoundVersion(tx, round.id);
    await recordAudit(tx, context, {
      event: 'review.assignment.add',
      objectType: 'review_assignments',
      objectId: id,
      after: { roundId: round.id, itemId: options.itemId, expertId: expert.id },
    });
    if (round.status === 'released')
      await notifyExperts(tx, round, [expert.id], {
        kind: 'reviews.invitation',
        title: REVIEW_MESSAGES.invitationTitle({ roundTitle: round.title }).zh,
        body: REVIEW_MESSAGES.newTaskBody.zh,
      });
  });
  return { ok: true as const };
}

async function loadAssignment(executor: Executor, id: number) {
  const [row] = await executor.select().from(reviewAssignments).where(eq(reviewAssignments.id, id));
  if (!row) throw notFound();
  return row;
}

export async function removeAssignment(db: Database, options: { id: number; context: RequestContext }) {
  await db.transaction(async (tx) => {
    const assignment = await loadAssignment(tx, options.id);
    const round = await loadRound(tx, assignment.roundId, true);
    requireRoundOpen(round, true);
    if (assignment.status === 'submitted') throw new AppError(409, 'reviewSheetLocked');
    await tx.delete(reviewAssignments).where(eq(reviewAssignments.id, assignment.id));
    await bumpRoundVersion(tx, round.id);
    await recordAudit(tx, options.context, {
      event: 'review.assignment.remove',
      objectType: 'review_assignments',
      objectId: assignment.id,
      before: { itemId: assignment.itemId, expertId: assignment.expertId, status: assignment.status },
    });
  });
  return { ok: true as const };
}

/**
 * After a decline or a declared conflict: the best eligible expert still free (field affinity, then
 * the lightest load), checked like any other pick; says why when nobody fits.
 */
export async function replaceAssignment(db: Database, options: { id: number; context: RequestContext }) {
  const { context } = options;
  return db.transaction(async (tx) => {
    const assignment = await loadAssignment(tx, options.id);
    const round = await loadRound(tx, assignment.roundId, true);
    requireRoundOpen(round, true);
    if (!['declined', 'conflict'].includes(assignment.status))
      throw new AppError(409, 'transitionNotAllowed');
    const [item] = await tx.select().from(reviewItems).where(eq(reviewItems.id, assignment.itemId));
    const pool = await loadActivePool(tx);
    const roundAssignments = await loadRoundAssignments(tx, round.id);
    const load = new Map<number, number>();
    for (const other of roundAssignments)
      if (!['declined', 'conflict'].includes(other.status))
        load.set(other.expertId, (load.get(other.expertId) ?? 0) + 1);
    const taken = new Set(
      roundAssignments.filter((other) => other.itemId === item.id).map((other) => other.expertId),
    );
    const candidates = pool
      .filter((expert) => !taken.has(expert.id) && (load.get(expert.id) ?? 0) < round.loadCap)
      .map((expert) => ({ expert, affinity: fieldAffinity(item.fields, expert.fields) }))
      .filter((candidate) => candidate.affinity > 0)
      .sort(
        (a, b) =>
          b.affinity - a.affinity ||
          (load.get(a.expert.id) ?? 0) - (load.get(b.expert.id) ?? 0) ||
          a.expert.id - b.expert.id,
      );
    for (const candidate of candidates) {
      const problem = await findPairProblem(tx, {
        roundId: round.id,
        itemId: item.id,
        expert: candidate.expert,
      });
      if (problem) continue;
      const id = await insertAssignment(
        tx,
        {
          roundId: round.id,
          itemId: item.id,
          expertId: candidate.expert.id,
          source: 'replacement',
          reason: REVIEW_MESSAGES.replacementReason({ affinity: candidate.affinity }).zh,
          status: 'invited',
        },
        context,
      );
      await bumpRoundVersion(tx, round.id);
      await recordAudit(tx, context, {
        event: 'review.assignment.replace',
        objectType: 'review_assignments',
        objectId: id,
        before: { assignmentId: assignment.id, expertId: assignment.expertId, status: assignment.status },
        after: { expertId: candidate.expert.id, affinity: candidate.affinity },
      });
      if (round.status === 'released')
        await notifyExperts(tx, round, [candidate.expert.id], {
          kind: 'reviews.invitation',
          title: REVIEW_MESSAGES.invitationTitle({ roundTitle: round.title }).zh,
          body: REVIEW_MESSAGES.newTaskBody.zh,
        });
      return { assignmentId: id, expertId: candidate.expert.id };
    }
    throw new AppError(422, 'reviewInfeasible', [
      {
        path: 'itemId',
        message: translate(REVIEW_MESSAGES.noReplacement({ itemTitle: item.title }), context.language),
      },
    ]);
  });
}

/** Lets one expert save and submit after the deadline (or change a submitted sheet), for three days. */
export async function reopenAssignment(db: Database, options: { id: number; context: RequestContext }) {
  await db.transaction(async (tx) => {
    const assignment = await loadAssignment(tx, options.id);
    const round = await loadRound(tx, assignment.roundId, true);
    if (round.status !== 'released') throw new AppError(409, 'reviewRoundLocked');
    if (!['accepted', 'submitted'].includes(assignment.status))
      throw new AppError(409, 'transitionNotAllowed');
    const until = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    await tx
      .update(reviewAssignments)
      .set({
        status: 'accepted',
        reopenedUntil: until,
        version: sql`${reviewAssignments.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(reviewAssignments.id, assignment.id));
    await recordAudit(tx, options.context, {
      event: 'review.sheet.reopen',
      objectType: 'review_assignments',
      objectId: assignment.id,
      before: { status: assignment.status },
      after: { status: 'accepted', reopenedUntil: until.toISOString() },
    });
    await notifyExperts(tx, round, [assignment.expertId], {
      kind: 'reviews.sheet-reopened',
      title: REVIEW_MESSAGES.sheetReopenedTitle({ roundTitle: round.title }).zh,
      body: REVIEW_MESSAGES.sheetReopenedBody({ until }).zh,
    });
  });
  return { ok: true as const };
}

/** One click: every expert with an unanswered invitation or an unsubmitted sheet is reminded. */
export async function sendReminders(
  db: Database,
  options: { id: number; expertIds?: number[]; context: RequestContext },
) {
  return db.transaction(async (tx) => {
    const round = await loadRound(tx, options.id);
    if (round.status !== 'released') throw new AppError(409, 'reviewRoundLocked');
    const pending = (await loadRoundAssignments(tx, round.id)).filter(
      (assignment) =>
        ['invited', 'accepted'].includes(assignment.status) &&
        (!options.expertIds || options.expertIds.includes(assignment.expertId)),
    );
    const expertIds = [...new Set(pending.map((assignment) => assignment.expertId))];
    const reminded = await notifyExperts(tx, round, expertIds, {
      kind: 'reviews.reminder',
      title: REVIEW_MESSAGES.reminderTitle({ roundTitle: round.title }).zh,
      body: REVIEW_MESSAGES.reminderBody({ deadline: round.deadline }).zh,
    });
    if (pending.length)
      await tx
        .update(reviewAssignments)
        .set({ lastRemindedAt: new Date() })
        .where(
          inArray(
            reviewAssignments.id,
            pending.map((assignment) => assignment.id),
          ),
        );
    await recordAudit(tx, options.context, {
      event: 'review.remind',
      objectType: 'review_rounds',
      objectId: round.id,
      after: { experts: expertIds },
    });
    return { reminded, experts: expertIds.length };
  });
}

/** 专家组意见: the panel's consensus opinion on one item. */
export async function saveConsensus(
  db: Database,
  options: { id: number; itemId: number; opinion: string; context: RequestContext },
) {
  await db.transaction(async (tx) => {
    const round = await loadRound(tx, options.id);
    const updated = await tx
      .update(reviewItems)
      .set({
        consensusOpinion: options.opinion,
        version: sql`${reviewItems.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(reviewItems.id, options.itemId), eq(reviewItems.roundId, round.id)))
      .returning({ id: reviewItems.id });
    if (updated.length !== 1) throw notFound();
    await recordAudit(tx, options.context, {
      event: 'review.consensus',
      objectType: 'review_items',
      objectId: options.itemId,
      after: { opinion: options.opinion },
    });
  });
  return { ok: true as const };
}

export { loadExpertsByIds };
