import {
  CONFLICT_TYPE_LABELS,
  type ConflictOverrideCreate,
  type ExpertItemConflicts,
  translate,
} from '@kechuang/domain';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Database } from '../../db/connection';
import { reviewConflictDecisions } from '../../db/schema';
import { REVIEW_MESSAGES } from './messages';
import {
  bumpRoundVersion,
  computeRoundConflicts,
  loadActivePool,
  loadItems,
  loadRound,
  requireItemAndExpert,
  requireRoundOpen,
} from './round-data';

function describePairs(pairs: readonly ExpertItemConflicts[]) {
  return pairs.map((pair) => ({
    itemId: Number(pair.itemId),
    expertId: Number(pair.expertId),
    isBlocking: pair.isBlocking,
    conflicts: pair.conflicts.map((conflict) => ({
      type: conflict.type,
      label: CONFLICT_TYPE_LABELS[conflict.type],
      reason: conflict.reason,
      matchedBy: conflict.matchedBy,
      isOverridable: conflict.isOverridable,
      override: conflict.override && { reason: conflict.override.reason, at: conflict.override.overriddenAt },
    })),
  }));
}

/** Every conflict between the round's items and the active pool, typed and with reasons. */
export async function listRoundConflicts(db: Database, options: { id: number }) {
  const round = await loadRound(db, options.id);
  const [items, pool] = await Promise.all([loadItems(db, round.id), loadActivePool(db)]);
  const pairs = await computeRoundConflicts(db, { round, items, pool });
  const itemTitle = new Map(items.map((item) => [item.id, item.title]));
  const expertName = new Map(
    pool.map((expert) => [expert.id, `${expert.name}（${expert.organisationName}）`]),
  );
  return {
    pairs: describePairs(pairs).map((pair) => ({
      ...pair,
      itemTitle: itemTitle.get(pair.itemId) ?? '',
      expertName: expertName.get(pair.expertId) ?? '',
    })),
  };
}

/** Staff lift one conflict type on one pair with a written reason; refused where the rule cannot be lifted. */
export async function overrideConflict(
  db: Database,
  options: { id: number; input: ConflictOverrideCreate; context: RequestContext },
) {
  const { input, context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  await db.transaction(async (tx) => {
    const round = await loadRound(tx, options.id, true);
    requireRoundOpen(round, true);
    const { item, expert } = await requireItemAndExpert(tx, round.id, input.itemId, input.expertId);
    const pairs = await computeRoundConflicts(tx, { round, items: [item], pool: [expert] });
    const conflict = pairs[0]?.conflicts.find((found) => found.type === input.type);
    if (!conflict)
      throw new AppError(400, 'validation', [
        {
          path: 'type',
          message: translate(REVIEW_MESSAGES.noSuchConflict, context.language),
        },
      ]);
    if (!conflict.isOverridable)
      throw new AppError(400, 'validation', [
        {
          path: 'type',
          message: translate(REVIEW_MESSAGES.conflictNotOverridable, context.language),
        },
      ]);
    await tx.insert(reviewConflictDecisions).values({
      roundId: round.id,
      itemId: item.id,
      expertId: expert.id,
      kind: 'override',
      conflictType: input.type,
      reason: input.reason,
      decidedBy: actor.userId,
    });
    await bumpRoundVersion(tx, round.id);
    await recordAudit(tx, context, {
      event: 'review.conflict.override',
      objectType: 'review_rounds',
      objectId: round.id,
      after: {
        itemId: item.id,
        expertId: expert.id,
        type: input.type,
        reason: input.reason,
        conflict: conflict.reason.zh,
      },
    });
  });
  return listRoundConflicts(db, { id: options.id });
}
