import { describe, expect, it } from 'vitest';
import {
  computeIdNumberCheckCharacter,
  findIdNumberProblem,
  maskIdNumber,
  normalizeIdNumber,
} from './id-number';

describe('身份证号 (GB 11643)', () => {
  it('accepts numbers with a correct check character, including X', () => {
    // The standard's own example.
    expect(findIdNumberProblem('11010519491231002X')).toBeNull();
    expect(
      findIdNumberProblem(
        '110105194912310021'.slice(0, 17) + computeIdNumberCheckCharacter('11010519491231002'),
      ),
    ).toBeNull();
    expect(findIdNumberProblem('11010519491231002x')).toBeNull();
    expect(normalizeIdNumber(' １１0105 19491231002x')).toBe('11010519491231002X');
  });

  it('names what is wrong', () => {
    expect(findIdNumberProblem('1101051949123100')).toBe('length');
    expect(findIdNumberProblem('1101051949123100AX')).toBe('characters');
    expect(findIdNumberProblem('110105194902300021')).toBe('birthDate');
    expect(findIdNumberProblem('110105299901010021')).toBe('birthDate');
    expect(findIdNumberProblem('110105194912310021')).toBe('checkDigit');
  });

  it('computes the MOD 11-2 check character', () => {
    expect(computeIdNumberCheckCharacter('37081119800101001')).toBe(
      '10X98765432'[
        [3, 7, 0, 8, 1, 1, 1, 9, 8, 0, 0, 1, 0, 1, 0, 0, 1].reduce(
          (sum, digit, index) => sum + digit * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][index],
          0,
        ) % 11
      ],
    );
  });

  it('masks all but the region and the last four', () => {
    expect(maskIdNumber('370811198001011234')).toBe('370811********1234');
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber('370811********1234')).toBe('370811********1234');
  });
});
