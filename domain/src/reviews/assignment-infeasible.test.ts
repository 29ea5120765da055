import { describe, expect, it } from 'vitest';
import { assignReviewersOptimally } from './assignment';
import { expert, FIELDS, type Input, runners } from './assignment-test-helpers';

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
