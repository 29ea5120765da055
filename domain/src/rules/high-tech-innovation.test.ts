import { describe, expect, it } from 'vitest';
import { buildFigures } from './build-figures';
import type { EnterpriseYearFigures } from './enterprise-figures';
import { assessInnovation, growthFactor, type InnovationAssessment } from './high-tech-innovation';
import { growthPercentOf } from './rule-math';

function itemOf(assessment: InnovationAssessment, code: string) {
  const item = assessment.items.find((candidate) => candidate.code === code);
  if (!item) throw new Error(`no item ${code}`);
  return item;
}

function yearsWith(values: Partial<EnterpriseYearFigures>[]): EnterpriseYearFigures[] {
  return values.map((overrides, index) => buildFigures({ year: 2021 + index, ...overrides }));
}

/** Revenue over the years, in 分, everything else constant. */
function revenueGrowth(revenues: number[]) {
  return itemOf(
    assessInnovation(yearsWith(revenues.map((revenueFen) => ({ revenueFen, highTechRevenueFen: 0 })))),
    'revenueGrowth',
  );
}

describe('高企 growth indicator', () => {
  it('follows the formula 1/2 × (y2/y1 + y3/y2) − 1 exactly', () => {
    // 1/2 × (120/100 + 150/120) − 1 = 22.5%.
    expect(growthPercentOf(growthFactor([100, 120, 150])!)).toBe(22.5);
    expect(growthPercentOf(growthFactor([100, 120])!)).toBe(20);
  });

  it.each([
    [[10_000, 13_500], { min: 9, max: 10 }],
    [[10_000, 13_499], { min: 7, max: 8 }],
    [[10_000, 12_500], { min: 7, max: 8 }],
    [[10_000, 12_499], { min: 5, max: 6 }],
    [[10_000, 11_500], { min: 5, max: 6 }],
    [[10_000, 11_499], { min: 3, max: 4 }],
    [[10_000, 10_500], { min: 3, max: 4 }],
    [[10_000, 10_499], { min: 1, max: 2 }],
    [[10_000, 10_001], { min: 1, max: 2 }],
    [[10_000, 10_000], { min: 0, max: 0 }],
    [[10_000, 9_000], { min: 0, max: 0 }],
  ])('revenue %j scores %j', (revenues, range) => {
    expect(revenueGrowth(revenues).range).toEqual(range);
  });

  it('reads three years at a band edge exactly: 1/2 × (1.2 + 1.5) − 1 = 35%', () => {
    expect(revenueGrowth([10_000, 12_000, 18_000]).range).toEqual({ min: 9, max: 10 });
    expect(revenueGrowth([10_000, 12_000, 17_999]).range).toEqual({ min: 7, max: 8 });
  });

  it('falls back to the last two years when the first is zero, and scores 0 when the middle one is', () => {
    expect(revenueGrowth([0, 10_000, 13_500])).toMatchObject({ range: { min: 9, max: 10 } });
    expect(revenueGrowth([10_000, 0, 13_500])).toMatchObject({ range: { min: 0, max: 0 }, actual: null });
    expect(revenueGrowth([10_000])).toMatchObject({ range: { min: 0, max: 0 }, actual: null });
  });

  it('scores falling net assets as 0', () => {
    const years = yearsWith(
      [{ totalAssetsFen: 3000 }, { totalAssetsFen: 2900 }, { totalAssetsFen: 2800 }].map((item) => ({
        ...item,
        liabilitiesFen: 1000,
      })),
    );
    expect(itemOf(assessInnovation(years), 'netAssetGrowth').range).toEqual({ min: 0, max: 0 });
  });
});

describe('高企 IP and conversion bands', () => {
  it.each([
    [1, 0, { min: 7, max: 8 }],
    [0, 5, { min: 5, max: 6 }],
    [0, 4, { min: 3, max: 4 }],
    [0, 3, { min: 3, max: 4 }],
    [0, 2, { min: 1, max: 2 }],
    [0, 1, { min: 1, max: 2 }],
    [0, 0, { min: 0, max: 0 }],
  ])('Ⅰ类 %i, Ⅱ类 %i scores %j for quantity', (ipClass1Count, ipClass2Count, range) => {
    expect(
      itemOf(assessInnovation(yearsWith([{ ipClass1Count, ipClass2Count }])), 'ipQuantity').range,
    ).toEqual(range);
  });

  it('scores how the IP was obtained', () => {
    const self = assessInnovation(yearsWith([{ ipClass2Count: 2, ipSelfDevelopedCount: 1 }]));
    expect(itemOf(self, 'ipAcquisition').range).toEqual({ min: 1, max: 6 });
    const acquired = assessInnovation(yearsWith([{ ipClass2Count: 2 }]));
    expect(itemOf(acquired, 'ipAcquisition').range).toEqual({ min: 1, max: 3 });
  });

  it.each([
    [15, { min: 25, max: 30 }],
    [14, { min: 19, max: 24 }],
    [12, { min: 19, max: 24 }],
    [11, { min: 13, max: 18 }],
    [9, { min: 13, max: 18 }],
    [6, { min: 7, max: 12 }],
    [3, { min: 1, max: 6 }],
    [2, { min: 0, max: 0 }],
  ])('%i conversions in three years scores %j', (total, range) => {
    const perYear = [Math.floor(total / 3), Math.floor(total / 3), total - 2 * Math.floor(total / 3)];
    const assessment = assessInnovation(yearsWith(perYear.map((conversionsCount) => ({ conversionsCount }))));
    expect(itemOf(assessment, 'conversion').range).toEqual(range);
  });

  it('averages over the years on file for a younger enterprise', () => {
    const assessment = assessInnovation(yearsWith([{ conversionsCount: 4 }, { conversionsCount: 6 }]));
    expect(itemOf(assessment, 'conversion').range).toEqual({ min: 25, max: 30 });
  });
});

describe('高企 innovation score as ranges', () => {
  it('shows expert-only items as their full range and caps IP at 30', () => {
    const assessment = assessInnovation(yearsWith([{ ipClass1Count: 2, ipSelfDevelopedCount: 2 }]));
    expect(itemOf(assessment, 'technologyLevel')).toMatchObject({
      range: { min: 0, max: 8 },
      band: null,
      basis: 'expert',
    });
    expect(itemOf(assessment, 'managementSystems').range).toEqual({ min: 0, max: 6 });
    const ip = assessment.groups.find((group) => group.group === 'intellectualProperty')!;
    // 8 + 8 + 8 + 6 + 2 = 32, capped.
    expect(ip.range).toEqual({ min: 8, max: 30 });
    expect(ip.maxPoints).toBe(30);
    expect(assessment.groups.find((group) => group.group === 'management')!.range).toEqual({
      min: 0,
      max: 20,
    });
  });

  it('narrows to the band an expert grade gives', () => {
    const assessment = assessInnovation(yearsWith([{ ipClass1Count: 1, ipSelfDevelopedCount: 1 }]), {
      technologyLevel: 'B',
      coreSupport: 'A',
      hasLedStandards: false,
    });
    expect(itemOf(assessment, 'technologyLevel')).toMatchObject({ range: { min: 5, max: 6 } });
    expect(itemOf(assessment, 'technologyLevel').band?.zh).toBe('B 较高（5–6分）');
    expect(itemOf(assessment, 'coreSupport').range).toEqual({ min: 7, max: 8 });
    expect(itemOf(assessment, 'standards').range).toEqual({ min: 0, max: 0 });
  });

  it('fails when even the highest possible total cannot pass', () => {
    // No IP, conversions or growth: at most 8 + 8 + 2 (IP) + 20 (management) = 38.
    const weak = assessInnovation(yearsWith([{}, {}, {}]));
    expect(weak.total).toEqual({ min: 0, max: 38 });
    expect(weak.status).toBe('notMet');
  });

  it('puts the pass line between 70 and 71', () => {
    const years = yearsWith([
      {
        conversionsCount: 5,
        ipClass1Count: 1,
        ipSelfDevelopedCount: 1,
        revenueFen: 10_000,
        highTechRevenueFen: 0,
      },
      {
        conversionsCount: 5,
        ipClass1Count: 1,
        ipSelfDevelopedCount: 1,
        revenueFen: 10_001,
        highTechRevenueFen: 0,
      },
    ]);
    // Max: IP 30 + conversion 30 + management 20 + revenue growth 2 + net assets 0 = 82; min: 7 + 1 + 25 + 1 = 34.
    const open = assessInnovation(years);
    expect(open.total).toEqual({ min: 34, max: 82 });
    expect(open.status).toBe('unknown');
    // Graded D, D, no standards: IP 2 + 2 + 8 + 6 + 0 = 18, so at most 70, which is not above 70 (不含).
    const atSeventy = assessInnovation(years, {
      technologyLevel: 'D',
      coreSupport: 'D',
      hasLedStandards: false,
    });
    expect(atSeventy.total.max).toBe(70);
    expect(atSeventy.status).toBe('notMet');
    // With the standards bonus (1–2) the maximum is 72, so a pass depends on the experts.
    const atSeventyTwo = assessInnovation(years, {
      technologyLevel: 'D',
      coreSupport: 'D',
      hasLedStandards: true,
    });
    expect(atSeventyTwo.total.max).toBe(72);
    expect(atSeventyTwo.status).toBe('unknown');
  });
});
