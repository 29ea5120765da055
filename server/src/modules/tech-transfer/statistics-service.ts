import {
  statCategoryOf,
  TECH_BUYER_REGIONS,
  TECH_STAT_CATEGORIES,
  type TechBuyerRegion,
  type TechContractCategory,
  type TechFigures,
  type TechStatCategory,
  type TechStatistics,
  type TechStatisticsQuery,
} from '@kechuang/domain';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { readDistrictSettings } from '../../core/settings';
import type { Database } from '../../db/connection';
import { enterprises, techContracts } from '../../db/schema';
import { buyerRegionSql } from './regions-sql';

/**
 * The sums every breakdown reports. A contract counts once registered (not after 注销) and in the
 * year of its 登记日期; the claimed 免税 技术交易额 is that of eligible contracts whose seller claimed it.
 */
const FIGURES = {
  contracts: sql<number>`count(*)::int`,
  contractFen: sql<string>`coalesce(sum(${techContracts.contractFen}), 0)`,
  techFen: sql<string>`coalesce(sum(${techContracts.techFen}), 0)`,
  claimedTechFen: sql<string>`coalesce(sum(${techContracts.techFen}) filter (where ${techContracts.exemptionEligible} and ${techContracts.exemptionClaimed}), 0)`,
};

type FigureRow = { contracts: number; contractFen: string; techFen: string; claimedTechFen: string };

function toFigures(row: FigureRow | undefined): TechFigures {
  return {
    contracts: row?.contracts ?? 0,
    contractFen: Number(row?.contractFen ?? 0),
    techFen: Number(row?.techFen ?? 0),
    claimedTechFen: Number(row?.claimedTechFen ?? 0),
  };
}

function addFigures(a: TechFigures, b: TechFigures): TechFigures {
  return {
    contracts: a.contracts + b.contracts,
    contractFen: a.contractFen + b.contractFen,
    techFen: a.techFen + b.techFen,
    claimedTechFen: a.claimedTechFen + b.claimedTechFen,
  };
}

const ZERO: TechFigures = { contracts: 0, contractFen: 0, techFen: 0, claimedTechFen: 0 };

export const isCounted = eq(techContracts.status, 'registered');
const registeredYear = sql`extract(year from ${techContracts.registeredOn})::int`;
const registeredMonth = sql`extract(month from ${techContracts.registeredOn})::int`;

function periodOf(query: TechStatisticsQuery): SQL {
  const conditions = [isCounted, sql`${registeredYear} = ${query.year}`];
  if (query.month) conditions.push(sql`${registeredMonth} = ${query.month}`);
  return and(...conditions) as SQL;
}

/**
 * 技术合同成交额 and 技术交易额 of the year (or month) by month, class, buyer region, street and
 * seller, with 输出 and 吸纳; every figure is one SQL aggregate that the contract list, filtered the
 * same way, adds up to.
 */
export async function readTechStatistics(db: Database, query: TechStatisticsQuery): Promise<TechStatistics> {
  const { regionCode } = await readDistrictSettings(db);
  const period = periodOf(query);
  const region = buyerRegionSql(techContracts.buyerRegionCode, regionCode);
  const [totals] = await db
    .select({
      ...FIGURES,
      sellers: sql<number>`count(distinct ${techContracts.enterpriseId})::int`,
      unclaimedEligibleTechFen: sql<string>`coalesce(sum(${techContracts.techFen}) filter (where ${techContracts.exemptionEligible} and not ${techContracts.exemptionClaimed}), 0)`,
    })
    .from(techContracts)
    .where(period);
  const byYear = await db
    .select({ year: registeredYear.mapWith(Number), ...FIGURES })
    .from(techContracts)
    .where(isCounted)
    .groupBy(registeredYear)
    .orderBy(registeredYear);
  const byMonthRows = await db
    .select({ month: registeredMonth.mapWith(Number), ...FIGURES })
    .from(techContracts)
    .where(periodOf({ year: query.year }))
    .groupBy(registeredMonth);
  const byCategoryRows = await db
    .select({ category: techContracts.category, ...FIGURES })
    .from(techContracts)
    .where(period)
    .groupBy(techContracts.category);
  const byRegionRows = await db
    .select({ buyerRegion: region, ...FIGURES })
    .from(techContracts)
    .where(period)
    .groupBy(region);
  const street = sql<string>`coalesce(${enterprises.street}, '')`;
  const byStreet = await db
    .select({ street, ...FIGURES })
    .from(techContracts)
    .innerJoin(enterprises, eq(enterprises.id, techContracts.enterpriseId))
    .where(period)
    .groupBy(street)
    .orderBy(desc(FIGURES.contractFen), street);
  const bySeller = await db
    .select({ enterpriseId: enterprises.id, sellerName: enterprises.name, street, ...FIGURES })
    .from(techContracts)
    .innerJoin(enterprises, eq(enterprises.id, techContracts.enterpriseId))
    .where(period)
    .groupBy(enterprises.id, enterprises.name, street)
    .orderBy(desc(FIGURES.contractFen), enterprises.id)
    .limit(50);

  const byCategory = new Map<TechStatCategory, TechFigures>();
  for (const row of byCategoryRows) {
    const stat = statCategoryOf(row.category as TechContractCategory);
    byCategory.set(stat, addFigures(byCategory.get(stat) ?? ZERO, toFigures(row)));
  }
  const byRegion = new Map(byRegionRows.map((row) => [row.buyerRegion as TechBuyerRegion, toFigures(row)]));
  const byMonth = new Map(byMonthRows.map((row) => [row.month, toFigures(row)]));
  const total = toFigures(totals);
  return {
    year: query.year,
    month: query.month ?? null,
    totals: {
      ...total,
      sellers: totals?.sellers ?? 0,
      unclaimedEligibleTechFen: Number(totals?.unclaimedEligibleTechFen ?? 0),
    },
    byYear: byYear.map((row) => ({ year: row.year, ...toFigures(row) })),
    byMonth: Array.from({ length: 12 }, (_, index) => ({
      month: index + 1,
      ...(byMonth.get(index + 1) ?? ZERO),
    })),
    byCategory: TECH_STAT_CATEGORIES.map((statCategory) => ({
      statCategory,
      ...(byCategory.get(statCategory) ?? ZERO),
    })),
    byBuyerRegion: TECH_BUYER_REGIONS.map((buyerRegion) => ({
      buyerRegion,
      ...(byRegion.get(buyerRegion) ?? ZERO),
    })).filter((row) => row.buyerRegion !== 'unknown' || row.contracts > 0),
    byStreet: byStreet.map((row) => ({ street: row.street, ...toFigures(row) })),
    bySeller: bySeller.map((row) => ({
      enterpriseId: row.enterpriseId,
      sellerName: row.sellerName,
      street: row.street,
      ...toFigures(row),
    })),
    // Every contract this registry registers has its seller in the district (卖方登记).
    flows: { output: total, absorbed: byRegion.get('district') ?? ZERO },
  };
}
