import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildUscc,
  computeUsccCheckChar,
  findUsccProblem,
  isValidUscc,
  normalizeUscc,
  USCC_CHARSET,
} from './uscc';

describe('统一社会信用代码', () => {
  it('accepts real published codes', () => {
    for (const code of ['914403001922038216', '91330100799655058B', '91110000802100433B']) {
      expect(findUsccProblem(code)).toBeNull();
    }
  });

  it('names the problem of a wrong code', () => {
    expect(findUsccProblem('9133010057462616XH')).toBe('checkDigit');
    expect(computeUsccCheckChar('9133010057462616X')).toBe('9');
    expect(findUsccProblem('91440300192203821')).toBe('length');
    expect(findUsccProblem('9144030019220382I6')).toBe('characters');
    expect(findUsccProblem('91440O001922038216')).toBe('characters');
  });

  it('normalises full-width, lower-case and spaced input', () => {
    expect(normalizeUscc('９１３３０１００７９９６５５０５８ｂ')).toBe('91330100799655058B');
    expect(normalizeUscc(' 91330100 799655058b ')).toBe('91330100799655058B');
    expect(isValidUscc('91330100799655058b')).toBe(true);
  });

  it('rejects every single-character change of a valid code', () => {
    const code = '914403001922038216';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (position, shift) => {
        const index = USCC_CHARSET.indexOf(code[position]);
        const replaced = USCC_CHARSET[(index + shift) % 31];
        if (position >= 2 && position < 8 && !/\d/.test(replaced)) return;
        const changed = code.slice(0, position) + replaced + code.slice(position + 1);
        expect(findUsccProblem(changed)).not.toBeNull();
      }),
    );
  });

  it('builds codes that validate', () => {
    expect(findUsccProblem(buildUscc('370811', 'MA3C4D5E6'))).toBeNull();
  });
});
