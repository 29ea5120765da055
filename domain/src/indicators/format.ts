/**
 * A figure as the report and the dashboard write it: 亿元 to two decimals without trailing zeros
 * (13.23, 14.3), 万元 and counts whole where they are, percentages as computed.
 */
export function formatIndicatorValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === '亿元') return String(Number(value.toFixed(2)));
  if (unit === '%') return String(value);
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
