/** A figure as the report and the dashboard write it: 亿元 with two decimals, 万元 and counts as whole numbers where they are. */
export function formatIndicatorValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === '亿元') return value.toFixed(2);
  if (unit === '%') return String(value);
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
