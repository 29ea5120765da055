import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REGISTRATION_NUMBER_FORMAT,
  formatRegistrationNumber,
  parseRegistrationNumber,
  registrationNumberPrefix,
} from './registration-number';

const format = { provinceCode: '37', cityCode: '08', registryCode: '11', pattern: '^\\d{2}370811\\d{6}$' };

describe('合同登记编号', () => {
  it('is year, province, city, registry and a 6-digit sequence, zero-padded to 14 digits', () => {
    expect(formatRegistrationNumber(format, 2021, 42)).toBe('21370811000042');
    expect(formatRegistrationNumber(format, 2100, 999_999)).toBe('00370811999999');
    expect(registrationNumberPrefix(format, 2021)).toBe('21370811');
  });

  it('parses back into its parts', () => {
    expect(parseRegistrationNumber('21370811000042', format)).toEqual({
      year: 2021,
      provinceCode: '37',
      cityCode: '08',
      registryCode: '11',
      sequence: 42,
    });
  });

  it('refuses what does not fit: length, letters, sequence zero, and the configured pattern', () => {
    expect(parseRegistrationNumber('2137081100004', format)).toBeNull();
    expect(parseRegistrationNumber('21370811A00042', format)).toBeNull();
    expect(parseRegistrationNumber('21370811000000', format)).toBeNull();
    expect(parseRegistrationNumber('21110101000042', format)).toBeNull();
    expect(parseRegistrationNumber('21110101000042', DEFAULT_REGISTRATION_NUMBER_FORMAT)).not.toBeNull();
  });

  it('refuses a sequence outside 1–999999', () => {
    expect(() => formatRegistrationNumber(format, 2021, 0)).toThrow(RangeError);
    expect(() => formatRegistrationNumber(format, 2021, 1_000_000)).toThrow(RangeError);
  });
});
