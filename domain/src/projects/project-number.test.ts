import { describe, expect, it } from 'vitest';
import { districtSettingsSchema } from '../schemas/admin';
import {
  checkProjectNumberPattern,
  DEFAULT_PROJECT_NUMBER_PATTERN,
  formatProjectNumber,
  nextProjectNumber,
  parseProjectNumber,
  projectNumberScope,
} from './project-number';

describe('项目编号 patterns', () => {
  it('numbers by default as the district always has: JN-KJ-2021-001', () => {
    expect(checkProjectNumberPattern(DEFAULT_PROJECT_NUMBER_PATTERN)).toBeNull();
    expect(
      formatProjectNumber(DEFAULT_PROJECT_NUMBER_PATTERN, { year: 2021, categoryCode: 'key-rd', seq: 1 }),
    ).toBe('JN-KJ-2021-001');
    expect(
      formatProjectNumber(DEFAULT_PROJECT_NUMBER_PATTERN, { year: 2021, categoryCode: 'key-rd', seq: 1234 }),
    ).toBe('JN-KJ-2021-1234');
  });

  it('puts the category code and the year where the pattern says', () => {
    expect(
      formatProjectNumber('RC{year}-{category}-{seq:4}', { year: 2026, categoryCode: 'key-rd', seq: 12 }),
    ).toBe('RC2026-key-rd-0012');
    expect(formatProjectNumber('任科{year}{seq:2}号', { year: 2026, categoryCode: 'x', seq: 3 })).toBe(
      '任科202603号',
    );
  });

  it('refuses patterns that cannot keep numbers apart or cannot be read', () => {
    expect(checkProjectNumberPattern('JN-KJ-{year}')).toBe('noSeq');
    expect(checkProjectNumberPattern('JN-{seq}-{seq}')).toBe('repeatedPlaceholder');
    expect(checkProjectNumberPattern('JN-{year}-{month}-{seq}')).toBe('unknownPlaceholder');
    expect(checkProjectNumberPattern('JN-{year:2}-{seq}')).toBe('unknownPlaceholder');
    expect(checkProjectNumberPattern('JN-{year-{seq}')).toBe('unknownPlaceholder');
    expect(checkProjectNumberPattern('JN-{year}-{seq')).toBe('unclosedBrace');
    expect(checkProjectNumberPattern('JN}-{seq}')).toBe('unclosedBrace');
    expect(checkProjectNumberPattern('JN-{seq:0}')).toBe('badSeqWidth');
    expect(checkProjectNumberPattern('JN-{seq:9}')).toBe('badSeqWidth');
    expect(checkProjectNumberPattern('JN {year}-{seq}')).toBe('badCharacter');
    expect(checkProjectNumberPattern('JN-{category}{seq}')).toBe('adjacentPlaceholders');
    expect(checkProjectNumberPattern('JN-{year}{seq:3}')).toBeNull();
    expect(() => formatProjectNumber('JN-{year}', { year: 2021, categoryCode: 'a', seq: 1 })).toThrow();
  });

  it('reads numbers back, and only those in its format', () => {
    expect(parseProjectNumber(DEFAULT_PROJECT_NUMBER_PATTERN, 'JN-KJ-2021-007')).toEqual({
      seq: 7,
      year: 2021,
      categoryCode: null,
    });
    expect(parseProjectNumber('RC{year}-{category}-{seq:4}', 'RC2026-key-rd-0012')).toEqual({
      seq: 12,
      year: 2026,
      categoryCode: 'key-rd',
    });
    expect(parseProjectNumber(DEFAULT_PROJECT_NUMBER_PATTERN, 'RC2021-ZD-0042')).toBeNull();
    expect(parseProjectNumber(DEFAULT_PROJECT_NUMBER_PATTERN, 'JN-KJ-2021-07')).toBeNull();
    expect(
      parseProjectNumber(DEFAULT_PROJECT_NUMBER_PATTERN, 'JN-KJ-2021-007', { year: 2020, categoryCode: 'a' }),
    ).toBeNull();
  });

  it('continues after the highest number of the same year and category', () => {
    const existing = ['JN-KJ-2021-001', 'JN-KJ-2021-009', 'JN-KJ-2020-015', 'RC2021-ZD-0042'];
    expect(
      nextProjectNumber(DEFAULT_PROJECT_NUMBER_PATTERN, { year: 2021, categoryCode: 'key-rd' }, existing),
    ).toBe('JN-KJ-2021-010');
    expect(
      nextProjectNumber(DEFAULT_PROJECT_NUMBER_PATTERN, { year: 2022, categoryCode: 'key-rd' }, existing),
    ).toBe('JN-KJ-2022-001');
    const byCategory = ['KJ-key-rd-2021-3', 'KJ-transfer-2021-8'];
    expect(
      nextProjectNumber('KJ-{category}-{year}-{seq}', { year: 2021, categoryCode: 'key-rd' }, byCategory),
    ).toBe('KJ-key-rd-2021-4');
    // Without {year} the running number goes on across years, so numbers stay unique.
    expect(nextProjectNumber('KJ-{seq:4}', { year: 2022, categoryCode: 'a' }, ['KJ-0041'])).toBe('KJ-0042');
  });

  it('gives the shared part of a year’s numbers for a like filter', () => {
    expect(projectNumberScope(DEFAULT_PROJECT_NUMBER_PATTERN, { year: 2021, categoryCode: 'key_rd' })).toBe(
      'JN-KJ-2021-%',
    );
    expect(projectNumberScope('{category}/{year}/{seq}', { year: 2021, categoryCode: 'key_rd' })).toBe(
      'key\\_rd/2021/%',
    );
  });

  it('is a district setting: missing means the default, a bad one is refused naming the field', () => {
    const district = {
      name: '任城区',
      regionCode: '370811',
      cityName: '济宁市',
      streets: ['南张街道'],
      idleTimeoutMinutes: 30,
      auditRetentionDays: 184,
    };
    expect(districtSettingsSchema.parse(district).projectNumberPattern).toBe(DEFAULT_PROJECT_NUMBER_PATTERN);
    const refused = districtSettingsSchema.safeParse({ ...district, projectNumberPattern: 'JN-KJ-{year}' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].path).toEqual(['projectNumberPattern']);
  });
});
