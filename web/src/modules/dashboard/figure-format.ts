import { formatIndicatorValue, type IndicatorFigure } from '@kechuang/domain';

export { formatIndicatorValue as formatFigureValue } from '@kechuang/domain';

/** "13.23亿元", "30.6%", "64家". */
export function formatWithUnit(value: number | null, unit: string): string {
  return value === null ? '—' : `${formatIndicatorValue(value, unit)}${unit}`;
}

/** The change on a year earlier as shown beside a figure: "+42.5%" or "+3.6 个百分点". */
export function formatChange(
  figure: Pick<IndicatorFigure, 'change' | 'changeKind'>,
  pointsLabel: string,
): string | null {
  if (figure.change === null) return null;
  const sign = figure.change > 0 ? '+' : '';
  return figure.changeKind === 'points'
    ? `${sign}${figure.change}${pointsLabel}`
    : `${sign}${figure.change}%`;
}

/** The period string of a year and a part of it ('year', 'H1', 'Q3', 'YTD'…). */
export function periodOf(year: number, part: string): string {
  return part === 'year' ? String(year) : `${year}-${part}`;
}
