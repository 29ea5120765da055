import {
  applyConflictOverrides,
  type ConflictExpert,
  type ConflictItem,
  type ConflictOverride,
  detectConflicts,
  type ExpertConflictDeclaration,
  type ExpertItemConflicts,
  matchOrganisations,
  normaliseName,
  type Rubric,
} from '@kechuang/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors';
import type { Executor } from '../../db/connection';
import {
  experts,
  reviewAssignments,
  reviewConflictDecisions,
  reviewItems,
  reviewRounds,
} from '../../db/schema';

/** What the round keeps of an item for conflicts: names as the application gave them. */
export interface ItemConflictSubject {
  applicant: { name: string; creditCode: string | null };
  partners: { name: string; creditCode: string | null }[];
  principalInvestigator: { name: string; personId: string | null };
  members: { name: string; personId: string | null }[];
  excludedExperts: { name: string; organisation: string }[];
}

export type RoundRow = typeof reviewRounds.$inferSelect;
export type ItemRow = typeof reviewItems.$inferSelect;
export type ExpertRow = typeof experts.$inferSelect;

export async function loadRound(executor: Executor, id: number, forUpdate = false): Promise<RoundRow> {
  const query = executor.select().from(reviewRounds).where(eq(reviewRounds.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

export function rubricOf(round: RoundRow): Rubric {
  return round.rubric as Rubric;
}

/** Changes to who reviews what bump the round's version, so a dry run made before them cannot be applied. */
export async function bumpRoundVersion(executor: Executor, roundId: number): Promise<void> {
  await executor
    .update(reviewRounds)
    .set({ version: sql`${reviewRounds.version} + 1`, updatedAt: new Date() })
    .where(eq(reviewRounds.id, roundId));
}

export function requireRoundOpen(round: RoundRow, allowReleased: boolean): void {
  if (round.status === 'draft' || (allowReleased && round.status === 'released')) return;
  throw new AppError(409, 'reviewRoundLocked');
}

export function toConflictExpert(row: ExpertRow): ConflictExpert {
  return {
    id: String(row.id),
    person: { name: row.name, personId: row.personId },
    organisation: { name: row.organisationName, creditCode: row.organisationCreditCode },
    affiliations: row.affiliations.map((affiliation) => ({
      name: affiliation.name,
      creditCode: affiliation.creditCode ?? null,
    })),
    relations: row.relations as ConflictExpert['relations'],
    collaborations: row.collaborations as ConflictExpert['collaborations'],
  };
}

/** The applicant names experts to exclude by name and organisation; they are found in the pool here. */
function resolveExclusions(subject: ItemConflictSubject, pool: readonly ExpertRow[]): string[] {
  const ids: string[] = [];
  for (const excluded of subject.excludedExperts)
    for (const expert of pool)
      if (
        normaliseName(expert.name) === normaliseName(excluded.name) &&
        (!excluded.organisation ||
          matchOrganisations({ name: excluded.organisation }, { name: expert.organisationName }) !== null)
      )
        ids.push(String(expert.id));
  return ids.slice(0, 3);
}

export function toConflictItem(row: ItemRow, pool: readonly ExpertRow[]): ConflictItem {
  const subject = row.conflictSubject as ItemConflictSubject;
  return {
    id: String(row.id),
    applicant: subject.applicant,
    partners: subject.partners,
    principalInvestigator: subject.principalInvestigator,
    members: subject.members,
    excludedExpertIds: resolveExclusions(subject, pool),
  };
}

export async function loadActivePool(executor: Executor): Promise<ExpertRow[]> {
  return executor
    .select()
    .from(experts)
    .where(and(eq(experts.status, 'active'), eq(experts.isAvailable, true)));
}

export async function loadItems(executor: Executor, roundId: number): Promise<ItemRow[]> {
  return executor.select().from(reviewItems).where(eq(reviewItems.roundId, roundId)).orderBy(reviewItems.id);
}

/**
 * Every conflict of the round, with staff overrides applied and expert declarations added.
 * `expertIds` adds experts outside the active pool (e.g. one being assigned by hand).
 */
export async function computeRoundConflicts(
  executor: Executor,
  options: { round: RoundRow; items: readonly ItemRow[]; pool: readonly ExpertRow[] },
): Promise<ExpertItemConflicts[]> {
  const decisions = await executor
    .select()
    .from(reviewConflictDecisions)
    .where(eq(reviewConflictDecisions.roundId, options.round.id));
  const declarations: ExpertConflictDeclaration[] = decisions
    .filter((decision) => decision.kind === 'declaration')
    .map((decision) => ({
      itemId: String(decision.itemId),
      expertId: String(decision.expertId),
      reason: decision.reason,
    }));
  const overrides: ConflictOverride[] = decisions
    .filter((decision) => decision.kind === 'override')
    .map((decision) => ({
      itemId: String(decision.itemId),
      expertId: String(decision.expertId),
      type: decision.conflictType as ConflictOverride['type'],
      reason: decision.reason,
      overriddenBy: String(decision.decidedBy ?? 0),
      overriddenAt: decision.createdAt.toISOString(),
    }));
  const pairs = detectConflicts({
    items: options.items.map((item) => toConflictItem(item, options.pool)),
    experts: options.pool.map(toConflictExpert),
    declarations,
    referenceDate: options.round.deadline.toISOString().slice(0, 10),
  });
  return applyConflictOverrides(pairs, overrides).pairs;
}

export async function loadExpertsByIds(executor: Executor, ids: number[]): Promise<ExpertRow[]> {
  if (ids.length === 0) return [];
  return executor.select().from(experts).where(inArray(experts.id, ids));
}

export async function loadRoundAssignments(executor: Executor, roundId: number) {
  return executor.select().from(reviewAssignments).where(eq(reviewAssignments.roundId, roundId));
}

/** The item of this round and the expert, or 404. */
export async function requireItemAndExpert(
  executor: Executor,
  roundId: number,
  itemId: number,
  expertId: number,
) {
  const [item] = await executor
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.id, itemId), eq(reviewItems.roundId, roundId)));
  const [expert] = await executor.select().from(experts).where(eq(experts.id, expertId));
  if (!item || !expert) throw notFound();
  return { item, expert };
}
