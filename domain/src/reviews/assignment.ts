import type { Text } from '../i18n';
import {
  type AssignmentExpert,
  type AssignmentInput,
  type AssignmentItem,
  type AssignmentProblem,
  type AssignmentProgress,
  findEligibilityProblems,
  listSharedFields,
  MAX_AFFINITY,
  type PreparedAssignment,
  prepareAssignment,
} from './assignment-model';
import {
  type AssignmentNetwork,
  buildAssignmentNetwork,
  explainCapacityShortfall,
} from './assignment-network';
import { augmentFlow, createPacer, flowOnArc, type Pacer, pushOnArc } from './min-cost-flow';
import { createSeededRandom, DRAW_RANDOM_ALGORITHM } from './seeded-random';

/**
 * Three ways to give every item its reviewers under the same hard rules (no conflict, load caps,
 * reviewers per item, one expert per organisation per item):
 * - `assignReviewersOptimally`: maximum total field affinity, exactly (min-cost flow);
 * - `drawReviewersAtRandom`: 随机抽取 among the experts of the item's fields, replayable from its seed;
 * - `assignReviewersGreedily`: best remaining pair first, kept for comparison in the benchmark.
 * All three return either a complete assignment or, when the rules cannot all be met, the items that
 * cannot be served and why, and no assignment at all.
 */
export type AssignmentMethod = 'optimal' | 'random' | 'greedy';

export interface AssignmentPick {
  itemId: string;
  expertId: string;
  affinity: number;
  sharedFields: string[];
  reason: Text;
}

export interface ItemAssignment {
  itemId: string;
  expertIds: string[];
  totalAffinity: number;
  lowestAffinity: number;
}

export interface AssignmentSuccess {
  status: 'assigned';
  method: AssignmentMethod;
  /** The random draw's seed and generator, recorded so the draw can be replayed in an audit. */
  seed: number | null;
  randomAlgorithm: string | null;
  picks: AssignmentPick[];
  items: ItemAssignment[];
  totalAffinity: number;
  worstServedItem: (ItemAssignment & { reason: Text }) | null;
  /** Seats the draw or greedy pass could not fill by itself, filled by re-arranging earlier picks. */
  repairedSeats: number;
  candidatePairs: number;
  solverPhases: number;
}

export interface AssignmentFailure {
  status: 'infeasible';
  method: AssignmentMethod;
  problems: AssignmentProblem[];
}

export type AssignmentResult = AssignmentSuccess | AssignmentFailure;

export interface AssignmentRunOptions {
  /** Checked between slices of work (about every 50 ms); an abort rejects with the signal's reason. */
  signal?: AbortSignal;
  onProgress?: (progress: AssignmentProgress) => void;
}

type Prepared = PreparedAssignment<AssignmentItem, AssignmentExpert>;

interface FillOutcome {
  /** Candidates picked before any repair (random and greedy), to mark the re-arranged picks. */
  firstPicks: Uint8Array | null;
  repairedSeats: number;
  phases: number;
}

async function runAssignment<TItem extends AssignmentItem, TExpert extends AssignmentExpert>(
  method: AssignmentMethod,
  input: AssignmentInput<TItem, TExpert>,
  options: AssignmentRunOptions,
  seed: number | null,
  choose: ((prepared: Prepared, pacer: Pacer) => Uint8Array) | null,
): Promise<AssignmentResult> {
  const pacer = createPacer(options.signal);
  const prepared: Prepared = await prepareAssignment(input, pacer, options.onProgress);
  pacer.check();
  const problems = findEligibilityProblems(prepared);
  if (problems.length > 0) return { status: 'infeasible', method, problems };
  const report = (done: number) =>
    options.onProgress?.({ stage: 'matching', done, total: prepared.totalSeats });
  const describe = (outcome: FillOutcome, isPicked: (candidate: number) => boolean) =>
    describeAssignment(method, prepared, outcome, isPicked, seed, input.fieldLabel);
  let firstPicks: Uint8Array | null = null;
  let placed = 0;
  if (choose !== null) {
    firstPicks = choose(prepared, pacer);
    for (const picked of firstPicks) placed += picked;
    report(placed);
    // The usual case for a draw: every seat filled at once, and no network is needed.
    if (placed === prepared.totalSeats) {
      const picks = firstPicks;
      return describe({ firstPicks, repairedSeats: 0, phases: 0 }, (candidate) => picks[candidate] === 1);
    }
  }
  pacer.check();
  const built = buildAssignmentNetwork(prepared);
  if (firstPicks !== null) applyPicks(prepared, built, firstPicks);
  pacer.check();
  const run = await augmentFlow(built.network, {
    source: built.source,
    sink: built.sink,
    limit: prepared.totalSeats - placed,
    // Costs only for the optimal matching; a draw or greedy pass is completed by plain augmenting paths.
    useCosts: choose === null,
    pacer,
    onFlow: (added) => report(placed + added),
  });
  if (placed + run.added < prepared.totalSeats)
    return { status: 'infeasible', method, problems: [explainCapacityShortfall(prepared, built)] };
  return describe(
    { firstPicks, repairedSeats: firstPicks === null ? 0 : run.added, phases: run.phases },
    (candidate) => flowOnArc(built.network, built.candidateArc[candidate]) === 1,
  );
}

function applyPicks(prepared: Prepared, built: AssignmentNetwork, picks: Uint8Array): void {
  const { network } = built;
  for (let itemIndex = 0; itemIndex < prepared.items.length; itemIndex++)
    for (
      let index = prepared.candidateStart[itemIndex];
      index < prepared.candidateStart[itemIndex + 1];
      index++
    ) {
      if (picks[index] === 0) continue;
      pushOnArc(network, built.itemArc[itemIndex], 1);
      if (built.candidateGroupArc[index] !== -1) pushOnArc(network, built.candidateGroupArc[index], 1);
      pushOnArc(network, built.candidateArc[index], 1);
      pushOnArc(network, built.expertArc[prepared.candidateExpert[index]], 1);
    }
}

const METHOD_REASON: Record<AssignmentMethod, (seed: number | null) => Text> = {
  optimal: () => ({
    zh: '按全部项目总匹配度最大选定',
    en: 'chosen to maximise the total affinity over all items',
  }),
  random: (seed) => ({ zh: `随机抽取（种子 ${seed}）`, en: `drawn at random (seed ${seed})` }),
  greedy: () => ({ zh: '逐对选取当时匹配度最高的专家', en: 'highest affinity still available' }),
};

function describeAssignment(
  method: AssignmentMethod,
  prepared: Prepared,
  outcome: FillOutcome,
  isPicked: (candidate: number) => boolean,
  seed: number | null,
  fieldLabel: ((field: string) => Text) | undefined,
): AssignmentSuccess {
  const methodReason = METHOD_REASON[method](seed);
  const label = fieldLabel ?? ((field: string) => ({ zh: field, en: field }));
  const picks: AssignmentPick[] = [];
  const items: ItemAssignment[] = [];
  let totalAffinity = 0;
  let worst: ItemAssignment | null = null;
  prepared.items.forEach((item, itemIndex) => {
    const summary: ItemAssignment = {
      itemId: item.id,
      expertIds: [],
      totalAffinity: 0,
      lowestAffinity: MAX_AFFINITY,
    };
    for (
      let index = prepared.candidateStart[itemIndex];
      index < prepared.candidateStart[itemIndex + 1];
      index++
    ) {
      if (!isPicked(index)) continue;
      const expert = prepared.experts[prepared.candidateExpert[index]];
      const affinity = prepared.candidateAffinity[index];
      const sharedFields = listSharedFields(item.fields, expert.fields);
      const labels = sharedFields.map(label);
      const isRepaired = outcome.firstPicks !== null && outcome.firstPicks[index] === 0;
      picks.push({
        itemId: item.id,
        expertId: expert.id,
        affinity,
        sharedFields,
        reason: {
          zh: `共同领域：${labels.map((text) => text.zh).join('、')}；匹配度 ${affinity}；${methodReason.zh}${isRepaired ? '（名额不足时为满足全部约束而调整）' : ''}`,
          en: `Shared fields: ${labels.map((text) => text.en).join(', ')}; affinity ${affinity}; ${methodReason.en}${isRepaired ? ' (re-arranged to meet every rule when the pool ran short)' : ''}`,
        },
      });
      summary.expertIds.push(expert.id);
      summary.totalAffinity += affinity;
      summary.lowestAffinity = Math.min(summary.lowestAffinity, affinity);
    }
    if (summary.expertIds.length === 0) summary.lowestAffinity = 0;
    totalAffinity += summary.totalAffinity;
    items.push(summary);
    if (
      summary.expertIds.length > 0 &&
      (worst === null ||
        summary.totalAffinity < worst.totalAffinity ||
        (summary.totalAffinity === worst.totalAffinity && summary.lowestAffinity < worst.lowestAffinity))
    )
      worst = summary;
  });
  const worstItem = worst as ItemAssignment | null;
  return {
    status: 'assigned',
    method,
    seed,
    randomAlgorithm: method === 'random' ? DRAW_RANDOM_ALGORITHM : null,
    picks,
    items,
    totalAffinity,
    worstServedItem: worstItem && {
      ...worstItem,
      reason: {
        zh: `匹配度最低的项目：总匹配度 ${worstItem.totalAffinity}（${worstItem.expertIds.length} 名专家，单人最低 ${worstItem.lowestAffinity}）`,
        en: `Least well served item: total affinity ${worstItem.totalAffinity} (${worstItem.expertIds.length} experts, lowest single affinity ${worstItem.lowestAffinity})`,
      },
    },
    repairedSeats: outcome.repairedSeats,
    candidatePairs: prepared.candidateExpert.length,
    solverPhases: outcome.phases,
  };
}

/** Maximises the total affinity exactly; the optimum is unique in value, not always in who is picked. */
export async function assignReviewersOptimally<
  TItem extends AssignmentItem,
  TExpert extends AssignmentExpert,
>(input: AssignmentInput<TItem, TExpert>, options: AssignmentRunOptions = {}): Promise<AssignmentResult> {
  return runAssignment('optimal', input, options, null, null);
}

/**
 * 随机抽取: items in a seeded random order, each drawing its reviewers uniformly among the eligible
 * experts of its fields who still have room and whose organisation it does not have yet. When the pool
 * runs dry for a late item, earlier picks are re-arranged (augmenting paths) rather than failing an
 * instance that can be served. Items and experts are taken in id order, so the same seed over the same
 * pool and items gives the same draw whatever order they were loaded in.
 */
export async function drawReviewersAtRandom<TItem extends AssignmentItem, TExpert extends AssignmentExpert>(
  input: AssignmentInput<TItem, TExpert> & { seed: number },
  options: AssignmentRunOptions = {},
): Promise<AssignmentResult> {
  const random = createSeededRandom(input.seed);
  return runAssignment('random', input, options, input.seed, (prepared) => {
    const picks = new Uint8Array(prepared.candidateExpert.length);
    const remaining = prepared.capacity.slice();
    const organisationUsedBy = new Int32Array(prepared.experts.length).fill(-1);
    const order = Int32Array.from(prepared.items, (_, index) => index);
    for (let index = order.length - 1; index > 0; index--) {
      const other = random.nextBelow(index + 1);
      [order[index], order[other]] = [order[other], order[index]];
    }
    const pool = new Int32Array(Math.max(1, prepared.experts.length));
    for (const itemIndex of order) {
      const start = prepared.candidateStart[itemIndex];
      const size = prepared.candidateStart[itemIndex + 1] - start;
      for (let offset = 0; offset < size; offset++) pool[offset] = start + offset;
      let needed = prepared.seats[itemIndex];
      for (let drawn = 0; drawn < size && needed > 0; drawn++) {
        const other = drawn + random.nextBelow(size - drawn);
        const candidate = pool[other];
        pool[other] = pool[drawn];
        pool[drawn] = candidate;
        const expertIndex = prepared.candidateExpert[candidate];
        const organisation = prepared.organisationOf[expertIndex];
        if (remaining[expertIndex] === 0 || organisationUsedBy[organisation] === itemIndex) continue;
        picks[candidate] = 1;
        remaining[expertIndex]--;
        organisationUsedBy[organisation] = itemIndex;
        needed--;
      }
    }
    return picks;
  });
}

/** Best remaining (item, expert) pair first; ties in id order. Not optimal: it is the yardstick. */
export async function assignReviewersGreedily<TItem extends AssignmentItem, TExpert extends AssignmentExpert>(
  input: AssignmentInput<TItem, TExpert>,
  options: AssignmentRunOptions = {},
): Promise<AssignmentResult> {
  return runAssignment('greedy', input, options, null, (prepared) => {
    const count = prepared.candidateExpert.length;
    const itemOf = new Int32Array(count);
    for (let itemIndex = 0; itemIndex < prepared.items.length; itemIndex++)
      itemOf.fill(itemIndex, prepared.candidateStart[itemIndex], prepared.candidateStart[itemIndex + 1]);
    // One numeric sort key per pair: descending affinity, then candidate order (item id, organisation, expert id).
    const keys = new Float64Array(count);
    for (let index = 0; index < count; index++)
      keys[index] = (MAX_AFFINITY - prepared.candidateAffinity[index]) * count + index;
    keys.sort();
    const picks = new Uint8Array(count);
    const remaining = prepared.capacity.slice();
    const needed = prepared.seats.slice();
    const usedOrganisations = new Set<number>();
    const organisationCount = prepared.experts.length;
    for (const key of keys) {
      const index = key % count;
      const itemIndex = itemOf[index];
      const expertIndex = prepared.candidateExpert[index];
      const organisationKey = itemIndex * organisationCount + prepared.organisationOf[expertIndex];
      if (needed[itemIndex] === 0 || remaining[expertIndex] === 0 || usedOrganisations.has(organisationKey))
        continue;
      picks[index] = 1;
      needed[itemIndex]--;
      remaining[expertIndex]--;
      usedOrganisations.add(organisationKey);
    }
    return picks;
  });
}
