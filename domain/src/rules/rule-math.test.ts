import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatShortfallWanYuan,
  growthPercentOf,
  isAtLeastPercent,
  percentOf,
  shortfallToPercent,
  shortfallToShareOfWhole,
} from './rule-math';

const amount = fc.integer({ min: 0, max: 1e15 });
const percent = fc.constantFrom(2, 3, 4, 5, 6, 10, 15, 20, 25, 30, 60);

describe('exact ratios', () => {
  it('decides thresholds exactly at amounts where floating point would not', () => {
    // 5% of 1e15 分 is 5e13: one 分 less is below, whatever rounding a float would do.
    expect(isAtLeastPercent(5e13, 1e15, 5)).toBe(true);
    expect(isAtLeastPercent(5e13 - 1, 1e15, 5)).toBe(false);
    expect(isAtLeastPercent(1, 0, 5)).toBe(false);
  });

  it('shows a ratio rounded down so a shortfall never reads as the threshold', () => {
    expect(percentOf(4999, 100_000)).toBe(4.9);
    expect(percentOf(5000, 100_000)).toBe(5);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(1, 0)).toBeNull();
    expect(growthPercentOf({ numerator: 97n, denominator: 100n })).toBe(-3);
    expect(growthPercentOf({ numerator: 9699n, denominator: 10000n })).toBe(-3.1);
  });

  it('gives the smallest amount that reaches a share of another figure', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 1, max: 1e15 }), percent, (numerator, denominator, minimum) => {
        const shortfall = shortfallToPercent(numerator, denominator, minimum);
        expect(isAtLeastPercent(numerator + shortfall, denominator, minimum)).toBe(true);
        if (shortfall > 0)
          expect(isAtLeastPercent(numerator + shortfall - 1, denominator, minimum)).toBe(false);
      }),
    );
  });

  it('gives the smallest amount that reaches a share of a whole it is part of', () => {
    fc.assert(
      fc.property(amount, amount, percent, (first, second, minimum) => {
        const part = Math.min(first, second);
        const whole = Math.max(first, second);
        const shortfall = shortfallToShareOfWhole(part, whole, minimum);
        expect(isAtLeastPercent(part + shortfall, whole + shortfall, minimum)).toBe(true);
        if (shortfall > 0)
          expect(isAtLeastPercent(part + shortfall - 1, whole + shortfall - 1, minimum)).toBe(false);
      }),
    );
  });

  it('shows a shortfall in 万元 rounded up to the shown digit', () => {
    expect(formatShortfallWanYuan(86_400_000)).toBe('86.40万元');
    expect(formatShortfallWanYuan(86_400_001)).toBe('86.41万元');
    expect(formatShortfallWanYuan(1)).toBe('0.01万元');
  });
});
