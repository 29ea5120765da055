import {
  chinaToday,
  type DateRange,
  exactPercent,
  type IndicatorBreakdown,
  type IndicatorFigure,
  type IndicatorPeriod,
  periodLabel,
  periodRange,
  periodYear,
  previousPeriod,
  previousYearRange,
  type Text,
} from '@kechuang/domain';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/connection';
import { indicatorStatistics, indicatorTargets } from '../../db/schema';
import { type IndicatorRegistry, isMoney } from './registry';
import type { Indicator, RecordIndicator, RegisteredIndicator } from './types';

/** Filters of a drill-down or a breakdown segment; '' stands for "not filled in". */
export type IndicatorFilters = Partial<Record<IndicatorBreakdown, string>>;

/** A figure before its comparison and target: the value and the exact quantity behind it. */
interface RawFigure {
  value: number | null;
  /** Exact: 分 for money, otherwise the quantity × 10⁴ (so statistics with decimals stay exact). */
  exact: bigint | null;
  count: number | null;
  amountFen: number | null;
  incomplete: Text[];
  source: { name: string; date: string } | null;
  numerator: { key: string; name: Text; unit: Indicator['unit']; value: number | null } | null;
  denominator: { key: string; name: Text; unit: Indicator['unit']; value: number | null } | null;
}

export const QUANTITY_SCALE = 10_000n;
const FEN_PER_UNIT: Record<string, bigint> = { 万元: 1_000_000n, 亿元: 10_000_000_000n };

/** An exact quantity in the indicator's unit, to four decimals. */
export function toUnitValue(indicator: Indicator, exact: bigint): number {
  const per = isMoney(indicator) ? FEN_PER_UNIT[indicator.unit] : QUANTITY_SCALE;
  const tenThousandths = (exact * 10_000n + per / 2n) / per;
  return Number(tenThousandths) / 10_000;
}

/** A decimal string (numeric(24,4)) in the indicator's unit as the exact quantity. */
function exactFromDecimal(indicator: Indicator, decimal: string): bigint {
  const [whole, fraction = ''] = decimal.split('.');
  const tenThousandths =
    BigInt(whole) * 10_000n + BigInt(`${fraction}0000`.slice(0, 4)) * (whole.startsWith('-') ? -1n : 1n);
  const per = isMoney(indicator) ? FEN_PER_UNIT[indicator.unit] : QUANTITY_SCALE;
  return (tenThousandths * per) / 10_000n;
}

export const COLUMNS: Record<IndicatorBreakdown, SQL> = {
  street: sql.raw('r.street'),
  industry: sql.raw('r.industry'),
  category: sql.raw('r.category'),
};

export function filterSql(filters: IndicatorFilters): SQL {
  const parts = Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .map(([by, value]) =>
      value === ''
        ? sql`${COLUMNS[by as IndicatorBreakdown]} is null`
        : sql`${COLUMNS[by as IndicatorBreakdown]} = ${value}`,
    );
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

function missingStatistic(indicator: Indicator, period: IndicatorPeriod, today: string): Text {
  const label = periodLabel(period, today);
  return {
    zh: `缺少${label.zh}「${indicator.name.zh}」统计数据`,
    en: `No ${indicator.name.en} statistic entered for ${label.en}`,
  };
}

export interface ComputeContext {
  db: Executor;
  registry: IndicatorRegistry;
  /** Today as a China date: the end of the year to date. */
  today: string;
}

export function computeContext(db: Executor, registry: IndicatorRegistry, now = new Date()): ComputeContext {
  return { db, registry, today: chinaToday(now) };
}

async function recordFigure(
  context: ComputeContext,
  indicator: RecordIndicator,
  range: DateRange,
  filters: IndicatorFilters,
): Promise<RawFigure> {
  // Only the aggregate the figure needs, so a count does not pay for a distinct sort or a sum.
  const aggregate =
    indicator.kind === 'sum'
      ? sql`count(*)::int as count, 0 as enterprises, coalesce(sum(r.amount_fen), 0)::text as amount`
      : indicator.kind === 'distinct'
        ? sql`0 as count, count(distinct r.enterprise_id)::int as enterprises, '0' as amount`
        : sql`count(*)::int as count, 0 as enterprises, '0' as amount`;
  const [row] = await queryRows<{ count: number; enterprises: number; amount: string }>(
    context.db,
    sql`select ${aggregate} from (${indicator.records(range)}) as r where ${filterSql(filters)}`,
  );
  const amount = BigInt(row.amount);
  const exact =
    indicator.kind === 'sum'
      ? amount
      : BigInt(indicator.kind === 'distinct' ? row.enterprises : row.count) * QUANTITY_SCALE;
  return {
    value: toUnitValue(indicator, exact),
    exact,
    count: indicator.kind === 'distinct' ? row.enterprises : row.count,
    amountFen: indicator.kind === 'sum' ? Number(amount) : null,
    incomplete: [],
    source: null,
    numerator: null,
    denominator: null,
  };
}

const EMPTY: Omit<RawFigure, 'value' | 'exact' | 'incomplete'> = {
  count: null,
  amountFen: null,
  source: null,
  numerator: null,
  denominator: null,
};

/** The figure of one indicator for a period (`range` is the period's dates, or a year earlier's). */
export async function rawFigure(
  context: ComputeContext,
  indicator: Indicator,
  period: IndicatorPeriod,
  range: DateRange,
  filters: IndicatorFilters,
): Promise<RawFigure> {
  switch (indicator.kind) {
    case 'count':
    case 'distinct':
    case 'sum':
      return recordFigure(context, indicator, range, filters);
    case 'statistic': {
      const [row] = await context.db
        .select()
        .from(indicatorStatistics)
        .where(and(eq(indicatorStatistics.key, indicator.key), eq(indicatorStatistics.period, period)));
      if (!row) {
        return {
          ...EMPTY,
          value: null,
          exact: null,
          incomplete: [missingStatistic(indicator, period, context.today)],
        };
      }
      const exact = exactFromDecimal(indicator, row.value);
      return {
        ...EMPTY,
        value: toUnitValue(indicator, exact),
        exact,
        incomplete: [],
        source: { name: row.source, date: row.sourceDate },
      };
    }
    case 'ratio': {
      const numeratorIndicator = context.registry.get(indicator.numerator) as RegisteredIndicator;
      const denominatorIndicator = context.registry.get(indicator.denominator) as RegisteredIndicator;
      const numerator = await rawFigure(context, numeratorIndicator, period, range, filters);
      const denominator = await rawFigure(context, denominatorIndicator, period, range, filters);
      const incomplete = [...numerator.incomplete, ...denominator.incomplete];
      const part = (of: Indicator, figure: RawFigure) => ({
        key: of.key,
        name: of.name,
        unit: of.unit,
        value: figure.value,
      });
      const value =
        numerator.exact === null || denominator.exact === null
          ? null
          : exactPercent(numerator.exact, denominator.exact, indicator.digits);
      if (value === null && incomplete.length === 0) {
        incomplete.push({
          zh: `「${denominatorIndicator.name.zh}」为 0`,
          en: `${denominatorIndicator.name.en} is 0`,
        });
      }
      return {
        ...EMPTY,
        value,
        exact: value === null ? null : BigInt(Math.round(value * 10_000)),
        incomplete,
        numerator: part(numeratorIndicator, numerator),
        denominator: part(denominatorIndicator, denominator),
      };
    }
    case 'growth': {
      const base = context.registry.get(indicator.of) as RegisteredIndicator;
      const current = await rawFigure(context, base, period, range, filters);
      const earlier = await rawFigure(
        context,
        base,
        previousPeriod(period),
        previousYearRange(range),
        filters,
      );
      const incomplete = [...current.incomplete, ...earlier.incomplete];
      const value =
        current.exact === null || earlier.exact === null
          ? null
          : exactPercent(current.exact - earlier.exact, earlier.exact, indicator.digits);
      if (value === null && incomplete.length === 0) {
        incomplete.push({ zh: `上年同期「${base.name.zh}」为 0`, en: `${base.name.en} a year earlier is 0` });
      }
      const part = (figure: RawFigure) => ({
        key: base.key,
        name: base.name,
        unit: base.unit,
        value: figure.value,
      });
      return {
        ...EMPTY,
        value,
        exact: value === null ? null : BigInt(Math.round(value * 10_000)),
        incomplete,
        numerator: part(current),
        denominator: part(earlier),
      };
    }
  }
}

/**
 * The figure of an indicator for a period as the dashboard, the report and drill-downs show it:
 * the value, its parts, the same period a year earlier with the change, and the year's target.
 */
export async function computeFigure(
  context: ComputeContext,
  indicator: Indicator,
  period: IndicatorPeriod,
  filters: IndicatorFilters = {},
): Promise<IndicatorFigure> {
  const range = periodRange(period, context.today);
  const current = await rawFigure(context, indicator, period, range, filters);
  const before = previousPeriod(period);
  const earlier = await rawFigure(context, indicator, before, previousYearRange(range), filters);
  let change: number | null = null;
  if (current.value !== null && earlier.value !== null) {
    change =
      indicator.unit === '%'
        ? Math.round((current.value - earlier.value) * 10) / 10
        : earlier.exact === null || earlier.exact === 0n || current.exact === null
          ? null
          : exactPercent(current.exact - earlier.exact, earlier.exact, 1);
  }
  const [target] = await context.db
    .select()
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.key, indicator.key), eq(indicatorTargets.year, periodYear(period))));
  let targetView: IndicatorFigure['target'] = null;
  if (target) {
    const targetValue = Number(target.value);
    targetView = {
      value: targetValue,
      version: target.version,
      progress:
        current.value === null || targetValue === 0
          ? null
          : Math.round((current.value / targetValue) * 1000) / 10,
    };
  }
  return {
    key: indicator.key,
    period,
    periodLabel: periodLabel(period, context.today),
    from: range.from,
    to: range.to,
    value: current.value,
    count: current.count,
    amountFen: current.amountFen,
    numerator: current.numerator,
    denominator: current.denominator,
    previous: { period: before, value: earlier.value },
    change,
    changeKind: change === null ? null : indicator.unit === '%' ? 'points' : 'percent',
    target: targetView,
    incomplete: current.incomplete,
    source: current.source,
    asOf: new Date().toISOString(),
  };
}
