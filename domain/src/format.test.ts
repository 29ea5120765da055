import { describe, expect, it } from 'vitest';
import { formatFenAsWanYuan, formatFenAsYiYuan, parseWanYuanToFen } from './format';

describe('money', () => {
  it('shows 分 as 万元 and 亿元', () => {
    expect(formatFenAsWanYuan(5263_0000_00)).toBe('5,263.00万元');
    expect(formatFenAsYiYuan(1_39_0000_0000)).toBe('1.39亿元');
  });
  it('parses 万元 to exact 分', () => {
    expect(parseWanYuanToFen('86.4')).toBe(86_400_000);
    expect(parseWanYuanToFen('0.000001')).toBe(1);
    expect(() => parseWanYuanToFen('1.0000001')).toThrow();
  });
});
