import {
  computeHighTechIndustryStatistics,
  type EnterpriseContribution,
  type HighTechIndustryStatistics,
  type PeriodRange,
  shiftPeriodByYears,
} from '@kechuang/domain';
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Actor } from '../../core/context';
import { enterpriseScope } from '../../core/scope';
import type { Database } from '../../db/connection';
import { enterpriseMonthlyOutput, enterprises } from '../../db/schema';

export interface HighTechIndustryReport extends Omit<HighTechIndustryStatistics, 'enterprises'> {
  enterprises: (EnterpriseContribution & { creditCode: string; name: string })[];
}

/**
 * The 高新技术产业 statistics of a month range, with the enterprises behind each figure.
 * Reads the 规上 enterprise-months of the range and of the same months a year earlier.
 */
export async function readHighTechIndustryStatistics(
  db: Database,
  options: { actor: Actor; range: PeriodRange },
): Promise<HighTechIndustryReport> {
  const { range } = options;
  const records = await db
    .select({
      enterpriseId: enterpriseMonthlyOutput.enterpriseId,
      period: enterpriseMonthlyOutput.period,
      industrialOutputFen: enterpriseMonthlyOutput.industrialOutputFen,
      highTechOutputFen: enterpriseMonthlyOutput.highTechOutputFen,
      isAboveDesignatedSize: enterpriseMonthlyOutput.isAboveDesignatedSize,
    })
    .from(enterpriseMonthlyOutput)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseMonthlyOutput.enterpriseId))
    .where(
      and(
        enterpriseScope(options.actor),
        eq(enterpriseMonthlyOutput.isAboveDesignatedSize, true),
        gte(enterpriseMonthlyOutput.period, shiftPeriodByYears(range.from, -1)),
        lte(enterpriseMonthlyOutput.period, range.to),
      ),
    );
  const statistics = computeHighTechIndustryStatistics({ range, records });
  const ids = statistics.enterprises.map((item) => item.enterpriseId);
  const names = new Map<number, { creditCode: string; name: string }>();
  for (let offset = 0; offset < ids.length; offset += 1000) {
    const rows = await db
      .select({ id: enterprises.id, creditCode: enterprises.creditCode, name: enterprises.name })
      .from(enterprises)
      .where(inArray(enterprises.id, ids.slice(offset, offset + 1000)));
    for (const row of rows) names.set(row.id, row);
  }
  return {
    ...statistics,
    enterprises: statistics.enterprises.map((item) => ({
      ...item,
      creditCode: names.get(item.enterpriseId)?.creditCode ?? '',
      name: names.get(item.enterpriseId)?.name ?? '',
    })),
  };
}
