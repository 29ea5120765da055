import {
  type IndicatorBreakdown,
  type IndicatorPeriod,
  type IndicatorRecord,
  periodRange,
} from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/connection';
import {
  COLUMNS,
  type ComputeContext,
  filterSql,
  type IndicatorFilters,
  QUANTITY_SCALE,
  rawFigure,
  toUnitValue,
} from './compute';
import type { Indicator, RecordIndicator } from './types';

// The records behind a figure, its breakdowns and its trend: each from the indicator's one record query.

interface RecordRow {
  id: number;
  label: string | null;
  enterprise_id: number | null;
  enterprise_name: string | null;
  on_date: string | null;
  amount_fen: string | null;
  street: string | null;
  industry: string | null;
  category: string | null;
}

/** One page of the records whose count or sum is the figure, newest first, and their total. */
export async function listIndicatorRecords(
  context: ComputeContext,
  indicator: RecordIndicator,
  options: { period: IndicatorPeriod; filters: IndicatorFilters; page: number; pageSize: number },
): Promise<{ items: IndicatorRecord[]; total: number }> {
  const range = periodRange(options.period, context.today);
  const where = filterSql(options.filters);
  const [{ total }] = await queryRows<{ total: number }>(
    context.db,
    sql`select count(*)::int as total from (${indicator.records(range)}) as r where ${where}`,
  );
  const rows = await queryRows<RecordRow>(
    context.db,
    sql`select r.id::int as id, r.label::text as label, r.enterprise_id::int as enterprise_id,
          r.enterprise_name::text as enterprise_name, r.on_date::text as on_date, r.amount_fen::text as amount_fen,
          r.street::text as street, r.industry::text as industry, r.category::text as category
        from (${indicator.records(range)}) as r where ${where}
        order by r.on_date desc nulls last, r.id desc
        limit ${options.pageSize} offset ${(options.page - 1) * options.pageSize}`,
  );
  return { items: rows.map((row) => toRecord(indicator, row)), total };
}

/** Every record of the figure, in pages of 1,000, for the export. */
export async function* iterateIndicatorRecords(
  context: ComputeContext,
  indicator: RecordIndicator,
  options: { period: IndicatorPeriod; filters: IndicatorFilters },
): AsyncGenerator<IndicatorRecord> {
  for (let page = 1; ; page++) {
    const { items } = await listIndicatorRecords(context, indicator, { ...options, page, pageSize: 1000 });
    yield* items;
    if (items.length < 1000) return;
  }
}

function toRecord(indicator: RecordIndicator, row: RecordRow): IndicatorRecord {
  return {
    id: row.id,
    label: row.label ?? '',
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    onDate: row.on_date,
    amountFen: row.amount_fen === null ? null : Number(row.amount_fen),
    street: row.street,
    industry: row.industry,
    category: row.category,
    path: indicator.recordPath?.({ id: row.id, enterpriseId: row.enterprise_id }) ?? null,
  };
}

/** The figure split by street, industry or category: one row per group, largest first. */
export async function breakDownFigure(
  context: ComputeContext,
  indicator: RecordIndicator,
  options: { period: IndicatorPeriod; by: IndicatorBreakdown },
): Promise<{ group: string | null; value: number; count: number; amountFen: number | null }[]> {
  const range = periodRange(options.period, context.today);
  const rows = await queryRows<{ grp: string | null; count: number; enterprises: number; amount: string }>(
    context.db,
    sql`select ${COLUMNS[options.by]}::text as grp, count(*)::int as count,
          count(distinct r.enterprise_id)::int as enterprises, coalesce(sum(r.amount_fen), 0)::text as amount
        from (${indicator.records(range)}) as r group by 1`,
  );
  return rows
    .map((row) => {
      const exact =
        indicator.kind === 'sum'
          ? BigInt(row.amount)
          : BigInt(indicator.kind === 'distinct' ? row.enterprises : row.count) * QUANTITY_SCALE;
      return {
        group: row.grp,
        value: toUnitValue(indicator, exact),
        count: indicator.kind === 'distinct' ? row.enterprises : row.count,
        amountFen: indicator.kind === 'sum' ? Number(row.amount) : null,
      };
    })
    .sort((a, b) => b.value - a.value || String(a.group).localeCompare(String(b.group)));
}

/** The figure month by month within a year (flow figures), and year by year. */
export async function trendOfFigure(
  context: ComputeContext,
  indicator: Indicator,
  options: { year: number; years: number },
): Promise<{
  months: { period: string; value: number | null }[];
  years: { period: string; value: number | null }[];
}> {
  const years = [];
  for (let year = options.year - options.years + 1; year <= options.year; year++) {
    const period = String(year);
    const figure = await rawFigure(context, indicator, period, periodRange(period, context.today), {});
    years.push({ period, value: figure.value });
  }
  const months = [];
  if (
    indicator.kind !== 'statistic' &&
    !(indicator.kind !== 'ratio' && indicator.kind !== 'growth' && indicator.timing === 'stock')
  ) {
    for (let month = 1; month <= 12; month++) {
      const period = `${options.year}-${String(month).padStart(2, '0')}`;
      const range = periodRange(period, context.today);
      if (range.from > context.today) break;
      const figure = await rawFigure(context, indicator, period, range, {});
      months.push({ period, value: figure.value });
    }
  }
  return { months, years };
}
