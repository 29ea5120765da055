import { type Period, type PeriodRange, periodIndex, shiftPeriodByYears } from './monthly-output';

/** One enterprise-month as the statistics read it (already accepted by `monthlyOutputSchema`). */
export interface OutputRecord {
  enterpriseId: number;
  period: Period;
  industrialOutputFen: number;
  highTechOutputFen: number;
  isAboveDesignatedSize: boolean;
}

/** What one enterprise puts into each figure. */
export interface EnterpriseContribution {
  enterpriseId: number;
  /** Months of the range in which it was 规上 (and so counted). */
  aboveScaleMonths: number;
  highTechOutputFen: number;
  aboveScaleOutputFen: number;
  previousAboveScaleMonths: number;
  previousHighTechOutputFen: number;
}

export interface HighTechIndustryStatistics {
  from: Period;
  to: Period;
  previousFrom: Period;
  previousTo: Period;
  /** 高新技术产业产值占规模以上工业总产值比重, percent with one decimal; null when there is no 规上 output. */
  share: number | null;
  /** 同比增速 of the 高新技术产业产值, percent with one decimal; null when the year-earlier value is 0. */
  growth: number | null;
  highTechOutputFen: number;
  aboveScaleOutputFen: number;
  previousHighTechOutputFen: number;
  /** Every enterprise behind a figure, largest high-tech output first. */
  enterprises: EnterpriseContribution[];
}

/**
 * `numerator / denominator` as a percentage with one decimal, rounded half away from zero
 * (四舍五入 on the magnitude: 30.55 → 30.6, −1.25 → −1.3). Computed on integers, so no
 * floating-point error can move a boundary case; null when the denominator is 0.
 */
export function percentOneDecimal(numerator: bigint, denominator: bigint): number | null {
  if (denominator === 0n) return null;
  const negative = numerator < 0n !== denominator < 0n;
  const top = (numerator < 0n ? -numerator : numerator) * 1000n;
  const bottom = denominator < 0n ? -denominator : denominator;
  const tenths = (2n * top + bottom) / (2n * bottom);
  const value = Number(tenths) / 10;
  return negative && tenths !== 0n ? -value : value;
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('output sum exceeds a safe integer');
  return Number(value);
}

/**
 * The 高新技术产业 statistics of a month range (2021-01..2021-06 = "1-6月份"):
 *
 * - share = Σ 高新技术产业产值 / Σ 工业总产值, both summed over the enterprise-months of the range
 *   in which the enterprise was 规上 (an enterprise entering 规上 in April counts from April);
 * - growth = (Σ 高新技术产业产值 of the range − the same of the range a year earlier) / the latter,
 *   each side counting the enterprises that were 规上 in that side's months (the published totals
 *   as filed, not a 同口径 recomputation).
 *
 * Sums are exact integer 分; only the two percentages are rounded, once, at the end.
 */
export function computeHighTechIndustryStatistics(options: {
  range: PeriodRange;
  records: readonly OutputRecord[];
}): HighTechIndustryStatistics {
  const { from, to } = options.range;
  const previousFrom = shiftPeriodByYears(from, -1);
  const previousTo = shiftPeriodByYears(to, -1);
  const current = [periodIndex(from), periodIndex(to)];
  const previous = [periodIndex(previousFrom), periodIndex(previousTo)];
  const inside = (index: number, [start, end]: number[]) => index >= start && index <= end;

  const byEnterprise = new Map<
    number,
    { months: number; highTech: bigint; total: bigint; previousMonths: number; previousHighTech: bigint }
  >();
  const seen = new Set<string>();
  for (const record of options.records) {
    if (!record.isAboveDesignatedSize) continue;
    const index = periodIndex(record.period);
    const isCurrent = inside(index, current);
    const isPrevious = inside(index, previous);
    if (!isCurrent && !isPrevious) continue;
    const key = `${record.enterpriseId}/${record.period}`;
    if (seen.has(key)) throw new Error(`two records for ${key}`);
    seen.add(key);
    let sums = byEnterprise.get(record.enterpriseId);
    if (!sums) {
      sums = { months: 0, highTech: 0n, total: 0n, previousMonths: 0, previousHighTech: 0n };
      byEnterprise.set(record.enterpriseId, sums);
    }
    // A range longer than a year overlaps its own previous year; such a month counts on both sides.
    if (isCurrent) {
      sums.months += 1;
      sums.highTech += BigInt(record.highTechOutputFen);
      sums.total += BigInt(record.industrialOutputFen);
    }
    if (isPrevious) {
      sums.previousMonths += 1;
      sums.previousHighTech += BigInt(record.highTechOutputFen);
    }
  }

  let highTech = 0n;
  let total = 0n;
  let previousHighTech = 0n;
  const enterprises: EnterpriseContribution[] = [];
  for (const [enterpriseId, sums] of byEnterprise) {
    highTech += sums.highTech;
    total += sums.total;
    previousHighTech += sums.previousHighTech;
    enterprises.push({
      enterpriseId,
      aboveScaleMonths: sums.months,
      highTechOutputFen: toSafeNumber(sums.highTech),
      aboveScaleOutputFen: toSafeNumber(sums.total),
      previousAboveScaleMonths: sums.previousMonths,
      previousHighTechOutputFen: toSafeNumber(sums.previousHighTech),
    });
  }
  enterprises.sort(
    (a, b) =>
      b.highTechOutputFen - a.highTechOutputFen ||
      b.aboveScaleOutputFen - a.aboveScaleOutputFen ||
      a.enterpriseId - b.enterpriseId,
  );
  return {
    from,
    to,
    previousFrom,
    previousTo,
    share: percentOneDecimal(highTech, total),
    growth: percentOneDecimal(highTech - previousHighTech, previousHighTech),
    highTechOutputFen: toSafeNumber(highTech),
    aboveScaleOutputFen: toSafeNumber(total),
    previousHighTechOutputFen: toSafeNumber(previousHighTech),
    enterprises,
  };
}
