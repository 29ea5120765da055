/** Money is stored as integer 分 (fen); these helpers show it as people in a bureau read it. */
export function formatFenAsWanYuan(fen: number | bigint, digits = 2): string {
  const value = Number(fen) / 1_000_000;
  return `${value.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits })}万元`;
}

export function formatFenAsYiYuan(fen: number | bigint, digits = 2): string {
  const value = Number(fen) / 10_000_000_000;
  return `${value.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits })}亿元`;
}

/** 万元 entered in a form (up to 6 decimals = 1 分) to integer 分, exactly. */
export function parseWanYuanToFen(text: string): number {
  const match = /^(\d{1,9})(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!match) throw new Error('invalid amount');
  const fraction = (match[2] ?? '').padEnd(6, '0');
  return Number(match[1]) * 1_000_000 + Number(fraction);
}

export function formatDate(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return date.toISOString().slice(0, 10);
}
