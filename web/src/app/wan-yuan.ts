/** Integer 分 as the 万元 text a user edits, without floating-point rounding. */
export function fenToWanYuanText(fen: number | null): string {
  if (fen === null) return '';
  const whole = Math.floor(fen / 1_000_000);
  const fraction = String(fen % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}
