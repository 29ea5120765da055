import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignReviewersGreedily, assignReviewersOptimally } from './assignment';
import { fieldAffinity } from './assignment-model';
import {
  expectRulesKept,
  expert,
  type Input,
  instanceArbitrary,
  runners,
  searchExhaustively,
} from './assignment-test-helpers';

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
