import { describe, expect, it } from 'vitest';
import {
  aggregateReviews,
  buildScoreSheetSchema,
  computeMaximumTotal,
  computeSheetTotal,
  type Rubric,
  rubricSchema,
  type ScoreSheet,
} from './aggregation';

/** The usual plan-project sheet: five criteria scored 0–10, weighted to a 100-point total. */
const rubric: Rubric = rubricSchema.parse({
  criteria: [
    { id: 'innovation', label: { zh: '创新性', en: 'Innovation' }, weight: 3, minimum: 0, maximum: 10 },
    { id: 'approach', label: { zh: '技术路线', en: 'Approach' }, weight: 2, minimum: 0, maximum: 10 },
    { id: 'foundation', label: { zh: '基础条件', en: 'Foundation' }, weight: 2, minimum: 0, maximum: 10 },
    { id: 'benefit', label: { zh: '预期效益', en: 'Benefit' }, weight: 2, minimum: 0, maximum: 10 },
    { id: 'budget', label: { zh: '预算合理性', en: 'Budget' }, weight: 1, minimum: 0, maximum: 10 },
  ],
  hasVote: true,
});

/** A sheet whose weighted total is exactly `total` (a multiple of 10 here: every criterion gets total / 10). */
function sheet(
  itemId: string,
  expertId: string,
  total: number,
  vote: ScoreSheet['vote'] = 'pass',
): ScoreSheet {
  const score = total / 10;
  return {
    itemId,
    expertId,
    scores: { innovation: score, approach: score, foundation: score, benefit: score, budget: score },
    vote,
  };
}

describe('sheet totals', () => {
  it('weight each criterion', () => {
    expect(computeMaximumTotal(rubric)).toBe(100);
    expect(
      computeSheetTotal(rubric, { innovation: 9, approach: 8, foundation: 7, benefit: 6, budget: 5 }),
    ).toBe(27 + 16 + 14 + 12 + 5);
  });

  it('refuse a score outside its range or missing', () => {
    const schema = buildScoreSheetSchema(rubric);
    const scores = { innovation: 9, approach: 8, foundation: 7, benefit: 6, budget: 5 };
    expect(schema.safeParse({ scores, vote: 'pass' }).success).toBe(true);
    expect(schema.safeParse({ scores: { ...scores, budget: 11 }, vote: 'pass' }).success).toBe(false);
    expect(schema.safeParse({ scores: { ...scores, budget: -1 }, vote: 'pass' }).success).toBe(false);
    expect(schema.safeParse({ scores, vote: undefined }).success).toBe(false);
    expect(() => computeSheetTotal(rubric, { ...scores, budget: 10.5 })).toThrow(RangeError);
    expect(() => computeSheetTotal(rubric, { innovation: 9 })).toThrow(RangeError);
  });

  it('refuse a rubric whose range is empty or whose criteria repeat', () => {
    const criterion = { id: 'a', label: { zh: '甲', en: 'A' }, weight: 1, minimum: 5, maximum: 5 };
    expect(rubricSchema.safeParse({ criteria: [criterion] }).success).toBe(false);
    const valid = { ...criterion, maximum: 10 };
    expect(rubricSchema.safeParse({ criteria: [valid, valid] }).success).toBe(false);
  });
});

describe('aggregation per item', () => {
  it('mean, trimmed mean (one highest and one lowest dropped), median, criterion means, votes', () => {
    const result = aggregateReviews({
      rubric,
      sheets: [
        sheet('P1', 'E1', 90),
        sheet('P1', 'E2', 80),
        sheet('P1', 'E3', 70, 'fail'),
        sheet('P1', 'E4', 60, null),
        sheet('P1', 'E5', 80),
      ],
    });
    expect(result.items[0]).toMatchObject({
      itemId: 'P1',
      sheetCount: 5,
      mean: 76,
      trimmedMean: 76.67,
      isTrimmed: true,
      median: 80,
      votes: { pass: 3, fail: 1, none: 1 },
      criterionMeans: { innovation: 7.6, budget: 7.6 },
      outliers: [],
    });
  });

  it('trims nothing below three sheets', () => {
    const result = aggregateReviews({ rubric, sheets: [sheet('P1', 'E1', 90), sheet('P1', 'E2', 60)] });
    expect(result.items[0]).toMatchObject({ mean: 75, trimmedMean: 75, isTrimmed: false, outliers: [] });
  });

  it('flag a score more than 20 % of the maximum from the median of the others', () => {
    const result = aggregateReviews({
      rubric,
      sheets: [
        sheet('P1', 'E1', 80),
        sheet('P1', 'E2', 80),
        sheet('P1', 'E3', 80),
        sheet('P1', 'E4', 60),
        sheet('P1', 'E5', 30),
      ],
    });
    // 60 is exactly 20 points from 80: not flagged; 30 is 50 points away.
    expect(result.items[0].outliers).toEqual([
      {
        expertId: 'E5',
        total: 30,
        medianOfOthers: 80,
        deviation: 50,
        reason: {
          zh: '评分 30 与其他专家评分的中位数 80 相差 50 分，超过满分的 20%（20 分）',
          en: "Score 30 is 50 points from the other experts' median 80, more than 20% of the maximum (20 points)",
        },
      },
    ]);
  });

  it('refuse two sheets from one expert on one item, and sheets for items not being ranked', () => {
    expect(() =>
      aggregateReviews({ rubric, sheets: [sheet('P1', 'E1', 80), sheet('P1', 'E1', 70)] }),
    ).toThrow();
    expect(() => aggregateReviews({ rubric, itemIds: ['P2'], sheets: [sheet('P1', 'E1', 80)] })).toThrow();
  });
});

describe('ranking', () => {
  const sheets = [
    // P1 and P2 tie on the trimmed mean (80) although their means differ.
    ...[90, 80, 70].map((total, index) => sheet('P1', `E${index}`, total)),
    ...[100, 80, 60].map((total, index) => sheet('P2', `E${index}`, total)),
    ...[70, 70, 70].map((total, index) => sheet('P3', `E${index}`, total)),
    ...[90, 90, 60].map((total, index) => sheet('P4', `E${index}`, total)),
  ];

  it('gives equal scores the same rank and skips the next (1, 1, 3)', () => {
    const result = aggregateReviews({ rubric, sheets, itemIds: ['P1', 'P2', 'P3', 'P4', 'P5'] });
    expect(result.rankedBy).toBe('trimmedMean');
    expect(result.items.map((item) => [item.itemId, item.trimmedMean, item.rank, item.isTied])).toEqual([
      ['P4', 90, 1, false],
      ['P1', 80, 2, true],
      ['P2', 80, 2, true],
      ['P3', 70, 4, false],
      // No sheets yet: unranked, last.
      ['P5', null, null, false],
    ]);
  });

  it('can rank by the plain mean instead', () => {
    const result = aggregateReviews({ rubric, sheets, options: { rankBy: 'mean' } });
    expect(result.items.map((item) => [item.itemId, item.mean, item.rank])).toEqual([
      // Equal ranks are listed in item id order.
      ['P1', 80, 1],
      ['P2', 80, 1],
      ['P4', 80, 1],
      ['P3', 70, 4],
    ]);
  });

  it('ties at the shown precision are ties in rank', () => {
    const thirds = [
      { itemId: 'A', expertId: 'E1', scores: { x: 1 } },
      { itemId: 'A', expertId: 'E2', scores: { x: 1 } },
      { itemId: 'A', expertId: 'E3', scores: { x: 2 } },
      { itemId: 'B', expertId: 'E1', scores: { x: 1.3333 } },
    ];
    const single = rubricSchema.parse({
      criteria: [{ id: 'x', label: { zh: '甲', en: 'X' }, weight: 1, minimum: 0, maximum: 10 }],
    });
    const result = aggregateReviews({ rubric: single, sheets: thirds, options: { rankBy: 'mean' } });
    expect(result.items.map((item) => [item.itemId, item.mean, item.rank])).toEqual([
      ['A', 1.33, 1],
      ['B', 1.33, 1],
    ]);
  });
});
