import fc from 'fast-check';
import { expect } from 'vitest';
import {
  type AssignmentResult,
  type AssignmentRunOptions,
  assignReviewersGreedily,
  assignReviewersOptimally,
  drawReviewersAtRandom,
} from './assignment';
import {
  type AssignmentExpert,
  type AssignmentInput,
  type AssignmentItem,
  fieldAffinity,
} from './assignment-model';
import { clusterOrganisations } from './identity';

/** Instances, runners and outside checks shared by the reviewer-assignment tests. */

export type Input = AssignmentInput<AssignmentItem, AssignmentExpert>;
export const FIELDS = ['bio', 'chem', 'ict', 'mech'] as const;

export function expert(
  id: string,
  fields: string[],
  organisation: string,
  extra: Partial<AssignmentExpert> = {},
) {
  return { id, fields, organisation: { name: organisation }, ...extra };
}

export const runners = {
  optimal: (input: Input, options?: AssignmentRunOptions) => assignReviewersOptimally(input, options),
  random: (input: Input, options?: AssignmentRunOptions) =>
    drawReviewersAtRandom({ ...input, seed: 42 }, options),
  greedy: (input: Input, options?: AssignmentRunOptions) => assignReviewersGreedily(input, options),
};

/** Every hard rule, checked from the outside on a returned assignment. */
export function expectRulesKept(input: Input, result: AssignmentResult): void {
  if (result.status !== 'assigned') return;
  const experts = new Map(input.experts.map((entry) => [entry.id, entry]));
  const clusters = clusterOrganisations(input.experts.map((entry) => entry.organisation));
  const clusterOf = new Map(input.experts.map((entry, index) => [entry.id, clusters[index]]));
  const load = new Map<string, number>();
  let total = 0;
  for (const item of input.items) {
    const picks = result.picks.filter((pick) => pick.itemId === item.id);
    expect(picks).toHaveLength(item.reviewersNeeded ?? input.reviewersPerItem);
    expect(new Set(picks.map((pick) => pick.expertId)).size).toBe(picks.length);
    expect(new Set(picks.map((pick) => clusterOf.get(pick.expertId))).size).toBe(picks.length);
    for (const pick of picks) {
      const chosen = experts.get(pick.expertId)!;
      expect(input.isConflicted?.(item, chosen) ?? false).toBe(false);
      expect(pick.sharedFields.length).toBeGreaterThan(0);
      expect(pick.affinity).toBe(fieldAffinity(item.fields, chosen.fields));
      load.set(chosen.id, (load.get(chosen.id) ?? 0) + 1);
      total += pick.affinity;
    }
  }
  for (const [expertId, count] of load)
    expect(count).toBeLessThanOrEqual(experts.get(expertId)!.loadCap ?? input.loadCap);
  expect(result.totalAffinity).toBe(total);
  expect(result.picks).toHaveLength(
    input.items.reduce((sum, item) => sum + (item.reviewersNeeded ?? input.reviewersPerItem), 0),
  );
}

/** The best total affinity by trying every assignment, or null when none keeps the rules. */
export function searchExhaustively(input: Input): number | null {
  const affinityOf = input.affinity ?? ((item, chosen) => fieldAffinity(item.fields, chosen.fields));
  const clusters = clusterOrganisations(input.experts.map((entry) => entry.organisation));
  const remaining = input.experts.map((entry) => entry.loadCap ?? input.loadCap);
  const eligible = input.items.map((item) =>
    input.experts
      .map((entry, index) => ({ entry, index }))
      .filter(
        ({ entry }) =>
          entry.fields.some((field) => item.fields.includes(field)) &&
          !(input.isConflicted?.(item, entry) ?? false),
      ),
  );
  let best: number | null = null;
  const visit = (itemIndex: number, sum: number) => {
    if (itemIndex === input.items.length) {
      best = best === null ? sum : Math.max(best, sum);
      return;
    }
    const item = input.items[itemIndex];
    const needed = item.reviewersNeeded ?? input.reviewersPerItem;
    const options = eligible[itemIndex];
    const chosen: number[] = [];
    const choose = (from: number, partial: number) => {
      if (chosen.length === needed) {
        visit(itemIndex + 1, partial);
        return;
      }
      for (let option = from; option < options.length; option++) {
        const { entry, index } = options[option];
        if (remaining[index] === 0 || chosen.some((other) => clusters[other] === clusters[index])) continue;
        remaining[index]--;
        chosen.push(index);
        choose(option + 1, partial + affinityOf(item, entry));
        chosen.pop();
        remaining[index]++;
      }
    };
    choose(0, sum);
  };
  visit(0, 0);
  return best;
}

export const fieldsArbitrary = fc.uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 3 });

export function instanceArbitrary(limits: {
  items: number;
  experts: number;
  minExperts: number;
  organisations: number;
  reviewers: number;
}) {
  return fc
    .record({
      items: fc.array(fieldsArbitrary, { minLength: 1, maxLength: limits.items }),
      experts: fc.array(
        fc.record({
          fields: fieldsArbitrary,
          organisation: fc.nat(limits.organisations - 1),
          hasCreditCode: fc.boolean(),
          loadCap: fc.option(fc.nat(4), { nil: undefined }),
        }),
        { minLength: limits.minExperts, maxLength: limits.experts },
      ),
      reviewersPerItem: fc.integer({ min: 1, max: limits.reviewers }),
      loadCap: fc.integer({ min: 1, max: 4 }),
      conflicts: fc.array(fc.tuple(fc.nat(limits.items - 1), fc.nat(limits.experts - 1)), {
        maxLength: limits.items * 2,
      }),
    })
    .map((raw): Input => {
      const conflicts = new Set(raw.conflicts.map(([item, entry]) => `I${item}|E${entry}`));
      return {
        // Ids out of order on purpose: the methods must not depend on input order.
        items: raw.items.map((fields, index) => ({ id: `I${index}`, fields })).reverse(),
        experts: raw.experts.map((entry, index) => ({
          id: `E${index}`,
          fields: entry.fields,
          organisation: {
            name: `单位${entry.organisation}`,
            // Some with a code, some without: the same organisation either way.
            creditCode: entry.hasCreditCode ? `CODE${entry.organisation}` : null,
          },
          loadCap: entry.loadCap,
        })),
        reviewersPerItem: raw.reviewersPerItem,
        loadCap: raw.loadCap,
        isConflicted: (item, chosen) => conflicts.has(`${item.id}|${chosen.id}`),
      };
    });
}
