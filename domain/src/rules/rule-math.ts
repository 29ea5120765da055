/**
 * Exact arithmetic for the rule engines. Thresholds are percents from the documents; amounts are integer 分.
 * Comparisons and shortfalls are done in bigint so that "5% of 5000万" is decided without floating error
 * (1e15 分 × 10 000 would already pass Number.MAX_SAFE_INTEGER).
 */

const BASIS = 10_000n;

/** A percent such as 5 or 2.5 in basis points (1/10 000). Policy data only uses up to two decimals. */
export function toBasisPoints(percent: number): bigint {
  return BigInt(Math.round(percent * 100));
}

function ceilDivide(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

/** numerator / denominator ≥ percent %. Without a denominator there is no ratio, so nothing is met. */
export function isAtLeastPercent(numerator: number, denominator: number, percent: number): boolean {
  if (denominator <= 0) return false;
  return BigInt(numerator) * BASIS >= BigInt(denominator) * toBasisPoints(percent);
}

/**
 * The ratio as a percent with one decimal, rounded down: a figure just under a threshold must not
 * read as the threshold itself (4.96% shows 4.9%, not 5.0%). Null without a denominator.
 */
export function percentOf(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  const perMille = BigInt(numerator) * 1000n;
  const whole = BigInt(denominator);
  const quotient = perMille / whole;
  // bigint division truncates toward zero; step down for negative ratios so the result is a floor.
  const floored = perMille < 0n && quotient * whole !== perMille ? quotient - 1n : quotient;
  return Number(floored) / 10;
}

/**
 * How much more of a numerator that is not part of the denominator is needed to reach percent %:
 * R&D expense against revenue. Zero when already met.
 */
export function shortfallToPercent(numerator: number, denominator: number, percent: number): number {
  const missing = BigInt(denominator) * toBasisPoints(percent) - BigInt(numerator) * BASIS;
  return missing <= 0n ? 0 : Number(ceilDivide(missing, BASIS));
}

/**
 * How much must be added to a part that is itself inside the whole (every unit added grows both) to reach
 * percent %: S&T staff within employees, domestic R&D within total R&D, high-tech revenue within revenue.
 * Solves (part + x) / (whole + x) ≥ p for the smallest integer x. Zero when already met.
 */
export function shortfallToShareOfWhole(part: number, whole: number, percent: number): number {
  const basisPoints = toBasisPoints(percent);
  // Nobody yet: the first one added makes the share 100%.
  if (whole === 0) return basisPoints > 0n && part === 0 ? 1 : 0;
  const missing = basisPoints * BigInt(whole) - BASIS * BigInt(part);
  if (missing <= 0n) return 0;
  return Number(ceilDivide(missing, BASIS - basisPoints));
}

/** A positive fraction kept exact, for growth rates. */
export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

/** fraction − 1 ≥ percent % (percent may be 0 or negative). */
export function isGrowthAtLeast(fraction: Fraction, percent: number): boolean {
  return fraction.numerator * BASIS >= fraction.denominator * (BASIS + toBasisPoints(percent));
}

/** fraction − 1 > percent %. */
export function isGrowthAbove(fraction: Fraction, percent: number): boolean {
  return fraction.numerator * BASIS > fraction.denominator * (BASIS + toBasisPoints(percent));
}

/** (fraction − 1) as a percent with one decimal, rounded down. */
export function growthPercentOf(fraction: Fraction): number {
  const perMille = fraction.numerator * 1000n - fraction.denominator * 1000n;
  const quotient = perMille / fraction.denominator;
  const floored = perMille < 0n && quotient * fraction.denominator !== perMille ? quotient - 1n : quotient;
  return Number(floored) / 10;
}

/** A threshold as the documents write it: "5%", "2.5%". */
export function formatPercent(percent: number): string {
  return `${percent}%`;
}

/** An enterprise's ratio, always with one decimal: "3.2%", "9.0%". */
export function formatRatioPercent(percent: number): string {
  return `${percent.toFixed(1)}%`;
}

/** 10 000 分 = 100 元 = 0.01 万元, the last digit a 万元 amount shows. */
const WAN_YUAN_CENT_FEN = 10_000;

/**
 * A shortfall in 万元 with two decimals, rounded up to the shown digit so that spending the shown
 * amount is always enough. The exact 分 stays in the gap's `amountFen`.
 */
export function formatShortfallWanYuan(fen: number): string {
  const shown = Math.ceil(fen / WAN_YUAN_CENT_FEN) / 100;
  return `${shown.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}万元`;
}

/** The same shortfall for English text, in yuan rounded up. */
export function formatShortfallYuan(fen: number): string {
  return `CNY ${Math.ceil(fen / 100).toLocaleString('en-US')}`;
}

/** An amount (not a shortfall) for English text; Chinese text uses formatFenAsWanYuan. */
export function formatAmountYuan(fen: number): string {
  return `CNY ${Math.round(fen / 100).toLocaleString('en-US')}`;
}
