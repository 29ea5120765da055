import { describe, expect, it } from 'vitest';
import { formatChange, formatWithUnit, periodOf } from './figure-format';

describe('how figures read on the dashboard', () => {
  it('shows each unit the way the report writes it', () => {
    expect(formatWithUnit(13.23, '亿元')).toBe('13.23亿元');
    expect(formatWithUnit(1.3, '亿元')).toBe('1.3亿元');
    expect(formatWithUnit(672.8, '亿元')).toBe('672.8亿元');
    expect(formatWithUnit(5263, '万元')).toBe('5263万元');
    expect(formatWithUnit(1700.5, '万元')).toBe('1700.50万元');
    expect(formatWithUnit(30.6, '%')).toBe('30.6%');
    expect(formatWithUnit(64, '家')).toBe('64家');
    expect(formatWithUnit(null, '家')).toBe('—');
  });

  it('tells percentage points from percent change', () => {
    expect(formatChange({ change: 3.6, changeKind: 'points' }, '个百分点')).toBe('+3.6个百分点');
    expect(formatChange({ change: -12.5, changeKind: 'percent' }, '个百分点')).toBe('-12.5%');
    expect(formatChange({ change: null, changeKind: null }, '个百分点')).toBeNull();
  });

  it('names periods as the server reads them', () => {
    expect(periodOf(2020, 'year')).toBe('2020');
    expect(periodOf(2021, 'H1')).toBe('2021-H1');
    expect(periodOf(2021, 'YTD')).toBe('2021-YTD');
  });
});
