import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

type Input = AssignmentInput<AssignmentItem, AssignmentExpert>;
const FIELDS = ['bio', 'chem', 'ict', 'mech'] as const;

function expert(id: string, fields: string[], organisation: string, extra: Partial<AssignmentExpert> = {}) {
  return { id, fields, organisation: { name: organisation }, ...extra };
}

const runners = {
  optimal: (input: Input, options?: AssignmentRunOptions) => assignReviewersOptimally(input, options),
  random: (input: Input, options?: AssignmentRunOptions) =>
    drawReviewersAtRandom({ ...input, seed: 42 }, options),
  greedy: (input: Input, options?: AssignmentRunOptions) => assignReviewersGreedily(input, options),
};

/** Every hard rule, checked from the outside on a returned assignment. */
function expectRulesKept(input: Input, result: AssignmentResult): void {
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
function searchExhaustively(input: Input): number | null {
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

const fieldsArbitrary = fc.uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 3 });

function instanceArbitrary(limits: {
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

describe('optimal assignment', () => {
  it('equals the optimum of an exhaustive search on small instances', async () => {
    await fc.assert(
      fc.asyncProperty(
        instanceArbitrary({ items: 4, experts: 6, minExperts: 1, organisations: 4, reviewers: 2 }),
        fc.boolean(),
        async (baseInput, hasOwnAffinity) => {
          // A caller's own affinity (wider range, not only field overlap) goes through the same solver.
          const input: Input = hasOwnAffinity
            ? {
                ...baseInput,
                affinity: (item, chosen) =>
                  fieldAffinity(item.fields, chosen.fields) * 7 +
                  ((item.id.charCodeAt(1) * 31 + chosen.id.charCodeAt(1)) % 11),
              }
            : baseInput;
          const best = searchExhaustively(input);
          const result = await assignReviewersOptimally(input);
          expect(result.status).toBe(best === null ? 'infeasible' : 'assigned');
          if (result.status === 'assigned') {
            expect(result.totalAffinity).toBe(best);
            if (!hasOwnAffinity) expectRulesKept(input, result);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('explains each pick and names the worst-served item', async () => {
    const input: Input = {
      items: [
        { id: 'P1', fields: ['bio', 'chem'] },
        { id: 'P2', fields: ['ict'] },
      ],
      experts: [
        expert('E1', ['bio', 'chem'], '山东大学'),
        expert('E2', ['chem'], '济宁学院'),
        expert('E3', ['ict'], '曲阜师范大学'),
        expert('E4', ['ict', 'bio'], '济宁医学院'),
      ],
      reviewersPerItem: 1,
      loadCap: 1,
      fieldLabel: (field) =>
        field === 'bio' ? { zh: '生物医药', en: 'Biomedicine' } : { zh: field, en: field },
    };
    const result = await assignReviewersOptimally(input);
    expect(result.status).toBe('assigned');
    if (result.status !== 'assigned') return;
    expect(result.picks.map((pick) => [pick.itemId, pick.expertId])).toEqual([
      ['P1', 'E1'],
      ['P2', 'E3'],
    ]);
    expect(result.totalAffinity).toBe(5);
    expect(result.picks[0].reason.zh).toContain('共同领域：生物医药、chem；匹配度 3');
    expect(result.picks[0].reason.en).toContain('maximise the total affinity');
    expect(result.worstServedItem?.itemId).toBe('P2');
    expect(result.worstServedItem?.reason.en).toContain('total affinity 2');
  });

  it('never puts two experts of one organisation on an item, matching by credit code or by name', async () => {
    const input: Input = {
      items: [{ id: 'P1', fields: ['bio'] }],
      experts: [
        expert('E1', ['bio'], '山东大学', {
          organisation: { name: '山东大学', creditCode: '12370000MB0000001X' },
        }),
        // Another name but the same code: the same organisation.
        expert('E2', ['bio'], '山东大学医学院', {
          organisation: { name: '山东大学医学院', creditCode: '12370000MB0000001X' },
        }),
        // No code and the same name as E1 (full-width brackets and spaces aside): the same organisation.
        expert('E3', ['bio'], ' 山东大学 '),
        expert('E4', ['bio'], '济宁学院'),
      ],
      reviewersPerItem: 2,
      loadCap: 1,
    };
    const result = await assignReviewersOptimally(input);
    expect(result.status).toBe('assigned');
    if (result.status === 'assigned') expect(result.picks.map((pick) => pick.expertId)).toContain('E4');
    const tooMany = await assignReviewersOptimally({ ...input, reviewersPerItem: 3 });
    expect(tooMany.status).toBe('infeasible');
    if (tooMany.status === 'infeasible')
      expect(tooMany.problems[0].reason.en).toBe(
        'The 4 eligible experts come from only 2 organisations (one per organisation per item) for 3 seats',
      );
  });
});

describe('every method keeps the rules', () => {
  it('on random instances: rules kept, and all three agree on whether the instance can be served', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Sized so that most instances can be served and a fair share need the draw or greedy pass repaired.
        instanceArbitrary({ items: 25, experts: 30, minExperts: 8, organisations: 8, reviewers: 3 }),
        async (input) => {
          const results = await Promise.all(Object.values(runners).map((run) => run(input)));
          for (const result of results) expectRulesKept(input, result);
          expect(new Set(results.map((result) => result.status)).size).toBe(1);
          const [optimal, random, greedy] = results;
          if (optimal.status === 'assigned' && random.status === 'assigned' && greedy.status === 'assigned') {
            expect(random.totalAffinity).toBeLessThanOrEqual(optimal.totalAffinity);
            expect(greedy.totalAffinity).toBeLessThanOrEqual(optimal.totalAffinity);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('greedy pass', () => {
  it('re-arranges its earlier picks when a later item would be left without a reviewer', async () => {
    const input: Input = {
      items: [
        { id: 'P1', fields: ['bio', 'ict'] },
        { id: 'P2', fields: ['bio'] },
      ],
      experts: [expert('E1', ['bio', 'ict'], 'A'), expert('E2', ['ict'], 'B')],
      reviewersPerItem: 1,
      loadCap: 1,
    };
    const result = await assignReviewersGreedily(input);
    expect(result.status).toBe('assigned');
    if (result.status !== 'assigned') return;
    // Greedy first took E1 for P1 (affinity 3); P2 could then only be served by moving P1 to E2.
    expect(result.repairedSeats).toBe(1);
    expect(result.picks.map((pick) => `${pick.itemId}:${pick.expertId}`)).toEqual(['P1:E2', 'P2:E1']);
    expect(result.picks[0].reason.en).toContain('re-arranged');
  });
});

describe('random draw', () => {
  const input = (): Input => ({
    items: Array.from({ length: 40 }, (_, index) => ({ id: `P${index}`, fields: [FIELDS[index % 4]] })),
    experts: Array.from({ length: 60 }, (_, index) =>
      expert(`E${index}`, [FIELDS[index % 4], FIELDS[(index + 1) % 4]], `单位${index % 12}`),
    ),
    reviewersPerItem: 3,
    loadCap: 5,
  });
  const pairs = (result: AssignmentResult) =>
    result.status === 'assigned' ? result.picks.map((pick) => `${pick.itemId}:${pick.expertId}`) : [];

  it('replays exactly from its seed, whatever order the pool was loaded in', async () => {
    const first = await drawReviewersAtRandom({ ...input(), seed: 20240601 });
    const again = await drawReviewersAtRandom({ ...input(), seed: 20240601 });
    const shuffled = input();
    const reordered = await drawReviewersAtRandom({
      ...shuffled,
      items: [...shuffled.items].reverse(),
      experts: [...shuffled.experts].sort((a, b) => (a.fields[0] < b.fields[0] ? -1 : 1)),
      seed: 20240601,
    });
    expect(first.status).toBe('assigned');
    expect(pairs(again)).toEqual(pairs(first));
    expect(pairs(reordered)).toEqual(pairs(first));
    if (first.status === 'assigned') {
      expect(first.seed).toBe(20240601);
      expect(first.randomAlgorithm).toBe('mulberry32-v1');
      expect(first.picks[0].reason.zh).toContain('随机抽取（种子 20240601）');
    }
  });

  it('draws differently with another seed', async () => {
    const first = await drawReviewersAtRandom({ ...input(), seed: 1 });
    const second = await drawReviewersAtRandom({ ...input(), seed: 2 });
    expect(pairs(second)).not.toEqual(pairs(first));
  });

  it('refuses a seed that cannot be recorded exactly', async () => {
    await expect(drawReviewersAtRandom({ ...input(), seed: 1.5 })).rejects.toThrow(RangeError);
    await expect(drawReviewersAtRandom({ ...input(), seed: -1 })).rejects.toThrow(RangeError);
  });
});

describe('infeasible instances', () => {
  it('name the items and why, return no picks, and leave the input untouched', async () => {
    const input: Input = {
      items: [
        { id: 'P1', fields: ['bio'] },
        { id: 'P2', fields: ['ict'], reviewersNeeded: 3 },
      ],
      experts: [
        expert('E1', ['bio'], 'A'),
        expert('E2', ['bio'], 'B'),
        expert('E3', ['ict'], 'C'),
        expert('E4', ['ict'], 'D'),
      ],
      reviewersPerItem: 2,
      loadCap: 2,
    };
    const before = structuredClone(input);
    for (const run of Object.values(runners)) {
      const result = await run(input);
      expect(result).toEqual({
        status: 'infeasible',
        method: result.method,
        problems: [
          {
            kind: 'too-few-eligible-experts',
            itemIds: ['P2'],
            seatsNeeded: 3,
            seatsAvailable: 2,
            eligibleExperts: 2,
            reason: {
              zh: '只有 2 名符合条件的专家（同领域、无回避、有余量），需要 3 名',
              en: 'Only 2 eligible experts (same field, no conflict, room left) for 3 seats',
            },
          },
        ],
      });
    }
    expect(input).toEqual(before);
  });

  it('find the items that compete for too few review slots', async () => {
    const input: Input = {
      items: [
        { id: 'P1', fields: ['bio'] },
        { id: 'P2', fields: ['bio'] },
        { id: 'P3', fields: ['bio'] },
        { id: 'P4', fields: ['ict'] },
      ],
      experts: [
        expert('E1', ['bio'], 'A'),
        expert('E2', ['bio'], 'B'),
        expert('E3', ['ict'], 'C'),
        expert('E4', ['ict'], 'D'),
      ],
      reviewersPerItem: 2,
      loadCap: 2,
    };
    for (const run of Object.values(runners)) {
      const result = await run(input);
      expect(result.status).toBe('infeasible');
      if (result.status !== 'infeasible') continue;
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({
        kind: 'not-enough-capacity',
        itemIds: ['P1', 'P2', 'P3'],
        seatsNeeded: 6,
        seatsAvailable: 4,
        eligibleExperts: 2,
      });
      expect(result.problems[0].reason.en).toBe(
        '3 items (P1, P2, P3) need 6 reviewer seats, but their 2 eligible experts can fill at most 4 within their load caps and one per organisation per item',
      );
    }
  });

  it('count conflicts and full experts out of the eligible pool', async () => {
    const result = await assignReviewersOptimally({
      items: [{ id: 'P1', fields: ['bio'] }],
      experts: [
        expert('E1', ['bio'], 'A'),
        expert('E2', ['bio'], 'B', { loadCap: 0 }),
        expert('E3', ['bio'], 'C'),
      ],
      reviewersPerItem: 2,
      loadCap: 3,
      isConflicted: (_, chosen) => chosen.id === 'E3',
    });
    expect(result.status === 'infeasible' && result.problems[0].reason.en).toBe(
      'Only 1 eligible experts (same field, no conflict, room left) for 2 seats',
    );
  });
});

describe('long runs', () => {
  const large = (): Input => ({
    items: Array.from({ length: 3000 }, (_, index) => ({
      id: `P${index}`,
      fields: [FIELDS[index % 4], FIELDS[(index * 7 + 1) % 4]],
    })),
    experts: Array.from({ length: 900 }, (_, index) =>
      expert(`E${index}`, [FIELDS[index % 4]], `单位${index % 97}`),
    ),
    reviewersPerItem: 5,
    loadCap: 20,
  });

  it('report progress up to every seat', async () => {
    const seen: string[] = [];
    const result = await assignReviewersOptimally(large(), {
      onProgress: (progress) => seen.push(`${progress.stage}:${progress.done}/${progress.total}`),
    });
    expect(result.status).toBe('assigned');
    expect(seen).toContain('candidates:3000/3000');
    expect(seen[seen.length - 1]).toBe('matching:15000/15000');
  });

  it('stop when cancelled, before or during the run', async () => {
    await expect(assignReviewersOptimally(large(), { signal: AbortSignal.abort() })).rejects.toThrow();
    const controller = new AbortController();
    const run = assignReviewersOptimally(large(), {
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.stage === 'candidates' && progress.done === progress.total) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
