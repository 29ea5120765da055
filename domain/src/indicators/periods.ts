import { z } from 'zod';
import type { Text } from '../text';

/**
 * A period a figure is asked for: a year (`2020`), a half (`2021-H1`), a quarter (`2021-Q2`), a
 * month (`2021-06`) or the year to date (`2021-YTD`, 1 January to the day it is read, 今年以来).
 */
export const indicatorPeriodSchema = z
  .string()
  .refine((value) => /^(20\d\d)(-(H[12]|Q[1-4]|0[1-9]|1[0-2]|YTD))?$/.test(value), {
    params: { key: 'indicator.period' },
  });
export type IndicatorPeriod = z.infer<typeof indicatorPeriodSchema>;

export type IndicatorPeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'ytd';

/** Inclusive China dates, YYYY-MM-DD. */
export interface DateRange {
  from: string;
  to: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function periodKind(period: IndicatorPeriod): IndicatorPeriodKind {
  const suffix = period.slice(5);
  if (suffix === '') return 'year';
  if (suffix === 'YTD') return 'ytd';
  if (suffix.startsWith('H')) return 'half';
  if (suffix.startsWith('Q')) return 'quarter';
  return 'month';
}

export function periodYear(period: IndicatorPeriod): number {
  return Number(period.slice(0, 4));
}

/**
 * The dates a period covers. The year to date ends on `today` in its own year, at the year's end
 * for a year gone by, and is empty (`to` before `from`) for a year not begun.
 */
export function periodRange(period: IndicatorPeriod, today: string): DateRange {
  const year = periodYear(period);
  const suffix = period.slice(5);
  switch (periodKind(period)) {
    case 'year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'half': {
      const first = suffix === 'H1' ? 1 : 7;
      return { from: `${year}-${pad(first)}-01`, to: lastDayOf(year, first + 5) };
    }
    case 'quarter': {
      const first = (Number(suffix.slice(1)) - 1) * 3 + 1;
      return { from: `${year}-${pad(first)}-01`, to: lastDayOf(year, first + 2) };
    }
    case 'month':
      return { from: `${year}-${suffix}-01`, to: lastDayOf(year, Number(suffix)) };
    case 'ytd': {
      const end = `${year}-12-31`;
      return { from: `${year}-01-01`, to: today < end ? today : end };
    }
  }
}

/** The same dates a year earlier, for 同比 (29 February becomes 28 February). */
export function previousYearRange(range: DateRange): DateRange {
  const shift = (date: string) => {
    const year = Number(date.slice(0, 4)) - 1;
    const monthDay = date.slice(5);
    if (monthDay === '02-29') return `${year}-02-28`;
    return `${year}-${monthDay}`;
  };
  return { from: shift(range.from), to: shift(range.to) };
}

/** The same period a year earlier. */
export function previousPeriod(period: IndicatorPeriod): IndicatorPeriod {
  return `${periodYear(period) - 1}${period.slice(4)}`;
}

const HALF_LABELS: Record<string, Text> = {
  H1: { zh: '上半年', en: 'H1' },
  H2: { zh: '下半年', en: 'H2' },
};

/** How the period is named in the report and on the dashboard: 2021年1-6月, 2021年第二季度… */
export function periodLabel(period: IndicatorPeriod, today: string): Text {
  const year = periodYear(period);
  const suffix = period.slice(5);
  switch (periodKind(period)) {
    case 'year':
      return { zh: `${year}年`, en: `${year}` };
    case 'half':
      return { zh: `${year}年${HALF_LABELS[suffix].zh}`, en: `${year} ${HALF_LABELS[suffix].en}` };
    case 'quarter': {
      const quarter = Number(suffix.slice(1));
      return { zh: `${year}年第${'一二三四'[quarter - 1]}季度`, en: `${year} Q${quarter}` };
    }
    case 'month':
      return { zh: `${year}年${Number(suffix)}月`, en: `${year}-${suffix}` };
    case 'ytd': {
      const range = periodRange(period, today);
      const month = Number(range.to.slice(5, 7));
      return {
        zh: month === 1 ? `${year}年1月` : `${year}年1-${month}月`,
        en: `${year} to ${range.to}`,
      };
    }
  }
}

/**
 * `numerator / denominator` as a percentage with `digits` decimals, rounded half away from zero on
 * integers (no floating-point error moves a boundary case); null when the denominator is 0.
 */
export function exactPercent(numerator: bigint, denominator: bigint, digits: number): number | null {
  if (denominator === 0n) return null;
  const negative = numerator < 0n !== denominator < 0n;
  const scale = 10n ** BigInt(digits);
  const top = (numerator < 0n ? -numerator : numerator) * 100n * scale;
  const bottom = denominator < 0n ? -denominator : denominator;
  const units = (2n * top + bottom) / (2n * bottom);
  const value = Number(units) / Number(scale);
  return negative && units !== 0n ? -value : value;
}
