import { describe, expect, it } from 'vitest';
import { type AssignmentResult, drawReviewersAtRandom } from './assignment';
import { expert, FIELDS, type Input } from './assignment-test-helpers';

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
