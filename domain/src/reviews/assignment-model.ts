import type { Text } from '../i18n';
import { clusterOrganisations, type OrganisationRef } from './identity';
import type { Pacer } from './min-cost-flow';

/** An application (or other reviewable thing) that needs reviewers. */
export interface AssignmentItem {
  id: string;
  /** Field codes from the discipline/industry dictionary; the first is the primary field. */
  fields: readonly string[];
  /** Overrides the round's reviewers per item. */
  reviewersNeeded?: number;
}

export interface AssignmentExpert {
  id: string;
  fields: readonly string[];
  organisation: OrganisationRef;
  /** Overrides the round's load cap: how many more items this expert can take. */
  loadCap?: number;
}

export interface AssignmentInput<TItem extends AssignmentItem, TExpert extends AssignmentExpert> {
  items: readonly TItem[];
  experts: readonly TExpert[];
  reviewersPerItem: number;
  loadCap: number;
  /** True when the pair must not be assigned (see `buildConflictPredicate`). */
  isConflicted?: (item: TItem, expert: TExpert) => boolean;
  /** A non-negative integer; higher is a better match. Defaults to `fieldAffinity`. */
  affinity?: (item: TItem, expert: TExpert) => number;
  /** How field codes are shown in the reasons; the code itself by default. */
  fieldLabel?: (field: string) => Text;
}

export type AssignmentStage = 'candidates' | 'matching';
export interface AssignmentProgress {
  stage: AssignmentStage;
  done: number;
  total: number;
}

export interface AssignmentProblem {
  kind: 'too-few-eligible-experts' | 'not-enough-capacity';
  itemIds: string[];
  seatsNeeded: number;
  /** The most seats the constraints allow for these items. */
  seatsAvailable: number;
  eligibleExperts: number;
  reason: Text;
}

/** Largest affinity accepted: keeps every path cost exact in the solver's integer arithmetic. */
export const MAX_AFFINITY = 1_000_000;

/**
 * Default affinity: 2 when the expert covers the item's primary field, plus 1 for each other shared
 * field. Small integers on purpose: the optimal matching needs few solver phases for few distinct values.
 */
export function fieldAffinity(itemFields: readonly string[], expertFields: readonly string[]): number {
  let affinity = 0;
  for (let index = 0; index < itemFields.length; index++)
    if (expertFields.includes(itemFields[index])) affinity += index === 0 ? 2 : 1;
  return affinity;
}

export function listSharedFields(itemFields: readonly string[], expertFields: readonly string[]): string[] {
  return itemFields.filter((field) => expertFields.includes(field));
}

/**
 * The instance in arrays, items and experts in id order so that a draw does not depend on the order the
 * database returned them. Candidates of item i are candidate[candidateStart[i] .. candidateStart[i + 1] - 1],
 * sorted by organisation: experts who share a field with the item, have no conflict and have room.
 */
export interface PreparedAssignment<TItem extends AssignmentItem, TExpert extends AssignmentExpert> {
  items: TItem[];
  experts: TExpert[];
  seats: Int32Array;
  capacity: Int32Array;
  organisationOf: Int32Array;
  candidateStart: Int32Array;
  candidateExpert: Int32Array;
  candidateAffinity: Int32Array;
  totalSeats: number;
}

function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function checkCount(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer`);
  return value;
}

export async function prepareAssignment<TItem extends AssignmentItem, TExpert extends AssignmentExpert>(
  input: AssignmentInput<TItem, TExpert>,
  pacer: Pacer,
  onProgress?: (progress: AssignmentProgress) => void,
): Promise<PreparedAssignment<TItem, TExpert>> {
  const items = [...input.items].sort(compareIds);
  const experts = [...input.experts].sort(compareIds);
  for (const list of [items, experts])
    for (let index = 1; index < list.length; index++)
      if (list[index].id === list[index - 1].id) throw new Error(`duplicate id ${list[index].id}`);
  const seats = Int32Array.from(items, (item) =>
    checkCount(item.reviewersNeeded ?? input.reviewersPerItem, 'reviewers per item'),
  );
  const capacity = Int32Array.from(experts, (expert) =>
    checkCount(expert.loadCap ?? input.loadCap, 'load cap'),
  );
  const organisationOf = clusterOrganisations(experts.map((expert) => expert.organisation));

  // Fields as numbers: the default affinity is then a few typed-array reads per pair instead of string
  // comparisons, which matters at millions of pairs.
  const fieldNumber = new Map<string, number>();
  const expertsByField: number[][] = [];
  const expertFieldStart = new Int32Array(experts.length + 1);
  const expertFields: number[] = [];
  experts.forEach((expert, expertIndex) => {
    if (capacity[expertIndex] > 0)
      for (const field of new Set(expert.fields)) {
        let number = fieldNumber.get(field);
        if (number === undefined) {
          number = expertsByField.length;
          fieldNumber.set(field, number);
          expertsByField.push([]);
        }
        expertsByField[number].push(expertIndex);
        expertFields.push(number);
      }
    expertFieldStart[expertIndex + 1] = expertFields.length;
  });
  const fieldWeight = new Int32Array(expertsByField.length);
  const fieldWeightOf = new Int32Array(expertsByField.length).fill(-1);
  const affinityOf =
    input.affinity ??
    ((_item: TItem, _expert: TExpert, itemIndex: number, expertIndex: number) => {
      // Same result as fieldAffinity(item.fields, expert.fields), from the weights set for this item.
      let affinity = 0;
      for (let index = expertFieldStart[expertIndex]; index < expertFieldStart[expertIndex + 1]; index++)
        if (fieldWeightOf[expertFields[index]] === itemIndex) affinity += fieldWeight[expertFields[index]];
      return affinity;
    });

  const candidateStart = new Int32Array(items.length + 1);
  let candidateExpert = new Int32Array(Math.max(1024, items.length * 16));
  let candidateAffinity = new Int32Array(candidateExpert.length);
  let count = 0;
  const seenBy = new Int32Array(experts.length).fill(-1);
  const sortKeys = new Float64Array(experts.length);
  const expertCount = experts.length;
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    const item = items[itemIndex];
    item.fields.forEach((field, position) => {
      const number = fieldNumber.get(field);
      if (number === undefined) return;
      const weight = position === 0 ? 2 : 1;
      fieldWeight[number] = fieldWeightOf[number] === itemIndex ? fieldWeight[number] + weight : weight;
      fieldWeightOf[number] = itemIndex;
    });
    let found = 0;
    for (const field of item.fields)
      for (const expertIndex of expertsByField[fieldNumber.get(field) ?? -1] ?? []) {
        if (seenBy[expertIndex] === itemIndex) continue;
        seenBy[expertIndex] = itemIndex;
        sortKeys[found++] = organisationOf[expertIndex] * expertCount + expertIndex;
      }
    const keys = sortKeys.subarray(0, found).sort();
    if (count + found > candidateExpert.length) {
      const size = Math.max(candidateExpert.length * 2, count + found);
      const biggerExperts = new Int32Array(size);
      biggerExperts.set(candidateExpert);
      candidateExpert = biggerExperts;
      const biggerAffinity = new Int32Array(size);
      biggerAffinity.set(candidateAffinity);
      candidateAffinity = biggerAffinity;
    }
    for (let index = 0; index < found; index++) {
      const expertIndex = keys[index] % expertCount;
      const expert = experts[expertIndex];
      if (input.isConflicted?.(item, expert)) continue;
      const affinity = affinityOf(item, expert, itemIndex, expertIndex);
      if (!Number.isInteger(affinity) || affinity < 0 || affinity > MAX_AFFINITY)
        throw new RangeError(`affinity must be an integer in [0, ${MAX_AFFINITY}], got ${affinity}`);
      candidateExpert[count] = expertIndex;
      candidateAffinity[count] = affinity;
      count++;
    }
    candidateStart[itemIndex + 1] = count;
    if (pacer.isDue()) {
      onProgress?.({ stage: 'candidates', done: itemIndex + 1, total: items.length });
      await pacer.pause();
    }
  }
  onProgress?.({ stage: 'candidates', done: items.length, total: items.length });
  let totalSeats = 0;
  for (const seat of seats) totalSeats += seat;
  return {
    items,
    experts,
    seats,
    capacity,
    organisationOf,
    candidateStart,
    candidateExpert: candidateExpert.slice(0, count),
    candidateAffinity: candidateAffinity.slice(0, count),
    totalSeats,
  };
}

/** Items that cannot be served whatever the others get: too few eligible experts or organisations. */
export function findEligibilityProblems(
  prepared: PreparedAssignment<AssignmentItem, AssignmentExpert>,
): AssignmentProblem[] {
  const problems: AssignmentProblem[] = [];
  const { candidateStart, candidateExpert, organisationOf } = prepared;
  prepared.items.forEach((item, itemIndex) => {
    const start = candidateStart[itemIndex];
    const end = candidateStart[itemIndex + 1];
    let organisations = 0;
    for (let index = start; index < end; index++)
      if (
        index === start ||
        organisationOf[candidateExpert[index]] !== organisationOf[candidateExpert[index - 1]]
      )
        organisations++;
    const needed = prepared.seats[itemIndex];
    if (organisations >= needed) return;
    const experts = end - start;
    problems.push({
      kind: 'too-few-eligible-experts',
      itemIds: [item.id],
      seatsNeeded: needed,
      seatsAvailable: organisations,
      eligibleExperts: experts,
      reason:
        experts < needed
          ? {
              zh: `只有 ${experts} 名符合条件的专家（同领域、无回避、有余量），需要 ${needed} 名`,
              en: `Only ${experts} eligible experts (same field, no conflict, room left) for ${needed} seats`,
            }
          : {
              zh: `${experts} 名符合条件的专家只来自 ${organisations} 个单位（同一单位每项最多 1 人），需要 ${needed} 名`,
              en: `The ${experts} eligible experts come from only ${organisations} organisations (one per organisation per item) for ${needed} seats`,
            },
    });
  });
  return problems;
}
