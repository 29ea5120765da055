import {
  computeHighTechIndustryStatistics,
  type OutputRecord,
  type Period,
  type PeriodRange,
} from '@kechuang/domain';
import { and, gt, inArray } from 'drizzle-orm';
import type { Transaction } from '../db/connection';
import { enterpriseMonthlyOutput, enterpriseYearFigures } from '../db/schema';
import { createRandom } from './random';

/** The seed: "2021年1-6月份 高新技术产业产值占规模以上工业总产值比重 30.6%，同比增速 42.5%". */
export const DEMO_HIGH_TECH_RANGE: PeriodRange = { from: '2021-01', to: '2021-06' };
export const DEMO_HIGH_TECH_SHARE = { numerator: 306n, denominator: 1000n }; // 30.6 %
export const DEMO_HIGH_TECH_GROWTH = { numerator: 57n, denominator: 40n }; // 1.425 = +42.5 %

/** How a year's output falls on its months (‰): low around the Spring Festival, high at year end. */
const MONTH_WEIGHTS = [70, 55, 85, 82, 85, 90, 82, 82, 90, 85, 90, 104];
/** 2020: the February–March stoppage, made up in the second half. */
const MONTH_WEIGHTS_2020 = [68, 30, 62, 80, 86, 92, 88, 90, 96, 92, 98, 118];

/** Splits an amount over weights in whole 分, the remainders to the largest fractions, so the parts sum exactly. */
function splitByWeights(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return weights.map((_, index) => (index === 0 ? total : 0n));
  const parts = weights.map((weight) => (total * weight) / sum);
  let left = total - parts.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((weight, index) => ({ index, remainder: (total * weight) % sum }))
    .sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index));
  for (const { index } of order) {
    if (left === 0n) break;
    parts[index] += 1n;
    left -= 1n;
  }
  return parts;
}

const period = (year: number, month: number): Period => `${year}-${String(month).padStart(2, '0')}`;

/**
 * Monthly output 2020-01..2021-06 of every enterprise whose yearly figures carry industrial output
 * (the demo's manufacturers): each year's 工业总产值 spread over the months, a high-tech part that
 * grows in 2021, and 规上 as in the year's figures. Then the largest enterprise 规上 in both years
 * absorbs the difference so that 2021-01..2021-06 gives exactly the seed's share and growth.
 */
export function generateDemoMonthlyOutput(
  figures: {
    enterpriseId: number;
    year: number;
    industrialOutputFen: number;
    isAboveDesignatedSize: boolean;
  }[],
): OutputRecord[] {
  const random = createRandom(202106);
  const byEnterprise = new Map<number, Map<number, (typeof figures)[number]>>();
  for (const row of figures) {
    if (!byEnterprise.has(row.enterpriseId)) byEnterprise.set(row.enterpriseId, new Map());
    byEnterprise.get(row.enterpriseId)?.set(row.year, row);
  }
  const records: OutputRecord[] = [];
  for (const [enterpriseId, years] of [...byEnterprise].sort(([a], [b]) => a - b)) {
    // Not every manufacturer makes products of the 高新技术产业 catalogue.
    const highTechPermille2020 = random.chance(0.45) ? 0 : random.integer(150, 750);
    const highTechPermille2021 = Math.min(
      950,
      Math.round((highTechPermille2020 * random.integer(105, 125)) / 100),
    );
    for (const [year, weights, months, permille] of [
      [2020, MONTH_WEIGHTS_2020, 12, highTechPermille2020],
      [2021, MONTH_WEIGHTS, 6, highTechPermille2021],
    ] as const) {
      const yearly = years.get(year);
      if (!yearly) continue;
      const monthly = splitByWeights(BigInt(yearly.industrialOutputFen), weights.map(BigInt));
      for (let month = 1; month <= months; month++) {
        const total = monthly[month - 1];
        records.push({
          enterpriseId,
          period: period(year, month),
          industrialOutputFen: Number(total),
          highTechOutputFen: Number(
            (total * BigInt(permille + random.integer(-20, 20) * (permille ? 1 : 0))) / 1000n,
          ),
          isAboveDesignatedSize: yearly.isAboveDesignatedSize,
        });
      }
    }
  }
  hitSeedTargets(records);
  return records;
}

/** Scales the high-tech output of the months from..to by numerator/denominator, never above the month's total. */
function scaleHighTech(records: OutputRecord[], range: PeriodRange, numerator: bigint, denominator: bigint) {
  for (const record of records) {
    if (record.period < range.from || record.period > range.to || denominator === 0n) continue;
    const scaled = (BigInt(record.highTechOutputFen) * numerator) / denominator;
    record.highTechOutputFen = Number(
      scaled < BigInt(record.industrialOutputFen) ? scaled : BigInt(record.industrialOutputFen),
    );
  }
}

function hitSeedTargets(records: OutputRecord[]): void {
  const previousRange = { from: '2020-01', to: '2020-06' };
  // First bring the generated values near the targets by scaling every high-tech figure alike…
  const generated = computeHighTechIndustryStatistics({ range: DEMO_HIGH_TECH_RANGE, records });
  scaleHighTech(
    records,
    DEMO_HIGH_TECH_RANGE,
    BigInt(generated.aboveScaleOutputFen) * DEMO_HIGH_TECH_SHARE.numerator,
    BigInt(generated.highTechOutputFen) * DEMO_HIGH_TECH_SHARE.denominator,
  );
  const scaled = computeHighTechIndustryStatistics({ range: DEMO_HIGH_TECH_RANGE, records });
  scaleHighTech(
    records,
    previousRange,
    BigInt(scaled.highTechOutputFen) * DEMO_HIGH_TECH_GROWTH.denominator,
    BigInt(scaled.previousHighTechOutputFen) * DEMO_HIGH_TECH_GROWTH.numerator,
  );
  // …then let one enterprise absorb the last 分 so both targets hold exactly.
  const statistics = computeHighTechIndustryStatistics({ range: DEMO_HIGH_TECH_RANGE, records });
  const candidates = statistics.enterprises.filter(
    (item) =>
      item.aboveScaleMonths === 6 &&
      item.previousAboveScaleMonths === 6 &&
      item.highTechOutputFen > 0 &&
      item.previousHighTechOutputFen > 0 &&
      item.highTechOutputFen < item.aboveScaleOutputFen,
  );
  if (candidates.length === 0)
    throw new Error('no enterprise 规上 in both years to balance the demo statistics');
  const { numerator: shareTop, denominator: shareBottom } = DEMO_HIGH_TECH_SHARE;
  const { numerator: growthTop, denominator: growthBottom } = DEMO_HIGH_TECH_GROWTH;
  // The year-earlier total is rounded down to a multiple that makes both targets whole 分.
  const unit = growthBottom * (shareTop / 2n); // 40 × 153: H × 57/40 then × 1000/306 stay integers
  const previous = BigInt(statistics.previousHighTechOutputFen);
  const previousTarget = previous - (previous % unit);
  const highTechTarget = (previousTarget * growthTop) / growthBottom;
  const totalTarget = (highTechTarget * shareBottom) / shareTop;
  const absorbs = (item: (typeof candidates)[number]) => ({
    previousHighTech: BigInt(item.previousHighTechOutputFen) - (previous - previousTarget),
    highTech: highTechTarget - (BigInt(statistics.highTechOutputFen) - BigInt(item.highTechOutputFen)),
    total: totalTarget - (BigInt(statistics.aboveScaleOutputFen) - BigInt(item.aboveScaleOutputFen)),
  });
  const fits = (own: ReturnType<typeof absorbs>) =>
    own.previousHighTech >= 0n && own.highTech >= 0n && own.highTech <= own.total;
  // The first candidate absorbs the rest where it can; with many enterprises the rest may be more
  // than a small one holds, and the largest that can takes it.
  const bySize = [...candidates].sort((a, b) => b.aboveScaleOutputFen - a.aboveScaleOutputFen);
  const balancing = [candidates[0], ...bySize].find((item) => fits(absorbs(item)));
  if (!balancing) {
    throw new Error(
      `the demo statistics cannot be balanced: ${JSON.stringify(absorbs(candidates[0]), (_, v) => (typeof v === 'bigint' ? String(v) : v))}`,
    );
  }
  const own = absorbs(balancing);
  const months = (from: string, to: string) =>
    records.filter(
      (record) =>
        record.enterpriseId === balancing.enterpriseId && record.period >= from && record.period <= to,
    );
  const current = months(DEMO_HIGH_TECH_RANGE.from, DEMO_HIGH_TECH_RANGE.to);
  const weights = current.map((record) => BigInt(record.industrialOutputFen));
  const totals = splitByWeights(own.total, weights);
  const highTechs = splitByWeights(own.highTech, weights);
  current.forEach((record, index) => {
    record.industrialOutputFen = Number(totals[index]);
    record.highTechOutputFen = Math.min(Number(highTechs[index]), Number(totals[index]));
  });
  const earlier = months(previousRange.from, previousRange.to);
  const earlierHighTech = splitByWeights(
    own.previousHighTech,
    earlier.map((record) => BigInt(record.highTechOutputFen)),
  );
  earlier.forEach((record, index) => {
    record.highTechOutputFen = Number(earlierHighTech[index]);
  });
  const check = computeHighTechIndustryStatistics({ range: DEMO_HIGH_TECH_RANGE, records });
  if (check.share !== 30.6 || check.growth !== 42.5) {
    throw new Error(`demo statistics missed the seed: ${check.share} %, ${check.growth} %`);
  }
}

/** Seeds the monthly output from the yearly figures already in the demo district. */
export async function seedStatsDemo(tx: Transaction): Promise<{ months: number }> {
  const figures = await tx
    .select({
      enterpriseId: enterpriseYearFigures.enterpriseId,
      year: enterpriseYearFigures.year,
      industrialOutputFen: enterpriseYearFigures.industrialOutputFen,
      isAboveDesignatedSize: enterpriseYearFigures.isAboveDesignatedSize,
    })
    .from(enterpriseYearFigures)
    .where(
      and(
        inArray(enterpriseYearFigures.year, [2020, 2021]),
        gt(enterpriseYearFigures.industrialOutputFen, 0),
      ),
    );
  const records = generateDemoMonthlyOutput(figures).map((record) => ({ ...record, source: 'import' }));
  for (let offset = 0; offset < records.length; offset += 500) {
    await tx.insert(enterpriseMonthlyOutput).values(records.slice(offset, offset + 500));
  }
  return { months: records.length };
}
