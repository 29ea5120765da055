import { describe, expect, it } from 'vitest';
import { describeIssue } from '../i18n';
import {
  computeHighTechIndustryStatistics,
  type OutputRecord,
  percentOneDecimal,
} from './high-tech-industry';
import { MONTHLY_OUTPUT_FIELD_LABELS, monthlyOutputSchema, periodRangeSchema } from './monthly-output';

const H1_2021 = { from: '2021-01', to: '2021-06' };

function months(
  enterpriseId: number,
  year: number,
  monthList: number[],
  values: { total: number; highTech: number; isAbove?: boolean },
): OutputRecord[] {
  return monthList.map((month) => ({
    enterpriseId,
    period: `${year}-${String(month).padStart(2, '0')}`,
    industrialOutputFen: values.total,
    highTechOutputFen: values.highTech,
    isAboveDesignatedSize: values.isAbove ?? true,
  }));
}
const FIRST_HALF = [1, 2, 3, 4, 5, 6];

describe('percentOneDecimal', () => {
  it('rounds half away from zero at the first decimal, on integers', () => {
    expect(percentOneDecimal(306n, 1000n)).toBe(30.6);
    expect(percentOneDecimal(3055n, 10000n)).toBe(30.6);
    expect(percentOneDecimal(3054n, 10000n)).toBe(30.5);
    expect(percentOneDecimal(305_499_999n, 1_000_000_000n)).toBe(30.5);
    expect(percentOneDecimal(-125n, 10000n)).toBe(-1.3);
    expect(percentOneDecimal(-124n, 10000n)).toBe(-1.2);
    expect(percentOneDecimal(-4n, 10000n)).toBe(0);
    expect(percentOneDecimal(1n, 3n)).toBe(33.3);
    expect(percentOneDecimal(2n, 3n)).toBe(66.7);
    expect(percentOneDecimal(5n, 0n)).toBeNull();
  });

  it('stays exact beyond the range of a double', () => {
    const denominator = 10n ** 20n;
    expect(percentOneDecimal((denominator * 3055n) / 10000n, denominator)).toBe(30.6);
    expect(percentOneDecimal((denominator * 3055n) / 10000n - 1n, denominator)).toBe(30.5);
  });
});

describe('computeHighTechIndustryStatistics', () => {
  it('gives the seed’s 30.6 % and +42.5 % for 1-6月份', () => {
    // 2021 H1: 306 of 1000 万元 is high-tech; 2020 H1: 1000 × 306 / 1425 would not be whole, so scale.
    const records = [
      ...months(1, 2021, FIRST_HALF, { total: 1_000_000 * 57, highTech: 306_000 * 57 }),
      ...months(1, 2020, FIRST_HALF, { total: 1_000_000 * 40, highTech: 306_000 * 40 }),
    ];
    const result = computeHighTechIndustryStatistics({ range: H1_2021, records });
    expect(result).toMatchObject({
      from: '2021-01',
      to: '2021-06',
      previousFrom: '2020-01',
      previousTo: '2020-06',
      share: 30.6,
      growth: 42.5,
      highTechOutputFen: 6 * 306_000 * 57,
      aboveScaleOutputFen: 6 * 1_000_000 * 57,
      previousHighTechOutputFen: 6 * 306_000 * 40,
    });
  });

  it('counts an enterprise only in the months it is 规上: entering and leaving 规上', () => {
    const records = [
      // Always 规上: share 30 %, 1800 against 1200 a year earlier.
      ...months(1, 2021, FIRST_HALF, { total: 1000, highTech: 300 }),
      ...months(1, 2020, FIRST_HALF, { total: 900, highTech: 200 }),
      // Enters 规上 in April 2021: only April–June count, and nothing a year earlier.
      ...months(2, 2021, [1, 2, 3], { total: 400, highTech: 400, isAbove: false }),
      ...months(2, 2021, [4, 5, 6], { total: 500, highTech: 500 }),
      ...months(2, 2020, FIRST_HALF, { total: 300, highTech: 300, isAbove: false }),
      // Left 规上 at the end of 2020: counts a year earlier only.
      ...months(3, 2020, FIRST_HALF, { total: 800, highTech: 100 }),
      ...months(3, 2021, FIRST_HALF, { total: 700, highTech: 100, isAbove: false }),
      // 规上 without high-tech output: in the denominator only.
      ...months(4, 2021, FIRST_HALF, { total: 2000, highTech: 0 }),
    ];
    const result = computeHighTechIndustryStatistics({ range: H1_2021, records });
    expect(result.highTechOutputFen).toBe(1800 + 1500);
    expect(result.aboveScaleOutputFen).toBe(6000 + 1500 + 12000);
    expect(result.previousHighTechOutputFen).toBe(1200 + 600);
    expect(result.share).toBe(16.9); // 3300 / 19500 = 16.923 %
    expect(result.growth).toBe(83.3); // 1500 / 1800 = 83.33 %
    expect(result.enterprises).toEqual([
      {
        enterpriseId: 1,
        aboveScaleMonths: 6,
        highTechOutputFen: 1800,
        aboveScaleOutputFen: 6000,
        previousAboveScaleMonths: 6,
        previousHighTechOutputFen: 1200,
      },
      {
        enterpriseId: 2,
        aboveScaleMonths: 3,
        highTechOutputFen: 1500,
        aboveScaleOutputFen: 1500,
        previousAboveScaleMonths: 0,
        previousHighTechOutputFen: 0,
      },
      {
        enterpriseId: 4,
        aboveScaleMonths: 6,
        highTechOutputFen: 0,
        aboveScaleOutputFen: 12000,
        previousAboveScaleMonths: 0,
        previousHighTechOutputFen: 0,
      },
      {
        enterpriseId: 3,
        aboveScaleMonths: 0,
        highTechOutputFen: 0,
        aboveScaleOutputFen: 0,
        previousAboveScaleMonths: 6,
        previousHighTechOutputFen: 600,
      },
    ]);
  });

  it('leaves growth undefined when the year before had no high-tech output, and share when nothing is 规上', () => {
    const newcomers = computeHighTechIndustryStatistics({
      range: H1_2021,
      records: [
        ...months(1, 2021, FIRST_HALF, { total: 1000, highTech: 250 }),
        ...months(1, 2020, FIRST_HALF, { total: 1000, highTech: 0 }),
      ],
    });
    expect(newcomers).toMatchObject({ share: 25, growth: null, previousHighTechOutputFen: 0 });
    const empty = computeHighTechIndustryStatistics({
      range: H1_2021,
      records: months(1, 2021, FIRST_HALF, { total: 1000, highTech: 250, isAbove: false }),
    });
    expect(empty).toMatchObject({ share: null, growth: null, aboveScaleOutputFen: 0, enterprises: [] });
  });

  it('reports a fall as negative growth and ignores months outside both ranges', () => {
    const result = computeHighTechIndustryStatistics({
      range: { from: '2021-03', to: '2021-03' },
      records: [
        ...months(1, 2021, [3], { total: 1000, highTech: 875 }),
        ...months(1, 2020, [3], { total: 1000, highTech: 1000 }),
        ...months(1, 2021, [2, 4], { total: 9999, highTech: 9999 }),
        ...months(1, 2020, [2, 4], { total: 9999, highTech: 9999 }),
      ],
    });
    expect(result).toMatchObject({ share: 87.5, growth: -12.5, highTechOutputFen: 875 });
  });

  it('shifts a range that crosses the new year by twelve months', () => {
    const result = computeHighTechIndustryStatistics({
      range: { from: '2020-11', to: '2021-02' },
      records: [
        ...months(1, 2019, [11, 12], { total: 100, highTech: 50 }),
        ...months(1, 2020, [1, 2, 11, 12], { total: 100, highTech: 60 }),
        ...months(1, 2021, [1, 2], { total: 100, highTech: 70 }),
      ],
    });
    expect(result).toMatchObject({
      previousFrom: '2019-11',
      previousTo: '2020-02',
      highTechOutputFen: 260,
      previousHighTechOutputFen: 220,
      share: 65,
      growth: 18.2,
    });
  });

  it('refuses two records of one enterprise-month rather than double counting', () => {
    const record = months(1, 2021, [1], { total: 100, highTech: 10 });
    expect(() =>
      computeHighTechIndustryStatistics({ range: H1_2021, records: [...record, ...record] }),
    ).toThrow(/two records/);
  });
});

describe('monthlyOutputSchema', () => {
  const messages = (input: unknown) => {
    const result = monthlyOutputSchema.safeParse(input);
    return result.success
      ? []
      : result.error.issues.map(
          (issue) => `${issue.path.join('.')} ${describeIssue(issue, 'zh-CN', MONTHLY_OUTPUT_FIELD_LABELS)}`,
        );
  };

  it('accepts a month with high-tech output up to the whole output', () => {
    expect(
      messages({
        period: '2021-06',
        industrialOutputFen: 500,
        highTechOutputFen: 500,
        isAboveDesignatedSize: true,
      }),
    ).toEqual([]);
  });

  it('names the field of every contradiction', () => {
    expect(
      messages({
        period: '2021-06',
        industrialOutputFen: 500,
        highTechOutputFen: 501,
        isAboveDesignatedSize: true,
      }),
    ).toEqual(['highTechOutputFen 高新技术产业产值不能多于工业总产值']);
    expect(
      messages({
        period: '2021-13',
        industrialOutputFen: -1,
        highTechOutputFen: 0,
        isAboveDesignatedSize: true,
      }),
    ).toEqual(['period 统计月份：格式不正确', 'industrialOutputFen 工业总产值不能为负数']);
    expect(
      messages({
        period: '2021-01',
        industrialOutputFen: 1.5,
        highTechOutputFen: 0,
        isAboveDesignatedSize: 1,
      }),
    ).toEqual([
      expect.stringMatching(/^industrialOutputFen 工业总产值/),
      expect.stringMatching(/^isAboveDesignatedSize 是否规上企业/),
    ]);
  });

  it('refuses a range that ends before it starts or spans more than ten years', () => {
    expect(periodRangeSchema.safeParse({ from: '2021-06', to: '2021-01' }).success).toBe(false);
    expect(periodRangeSchema.safeParse({ from: '2011-01', to: '2021-01' }).success).toBe(false);
    expect(periodRangeSchema.safeParse({ from: '2011-02', to: '2021-01' }).success).toBe(true);
  });
});
