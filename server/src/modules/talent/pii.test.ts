import { describe, expect, it } from 'vitest';
import {
  decryptPii,
  digestPii,
  encryptPii,
  maskContact,
  maskDocument,
  needsReencryption,
  readPiiKeys,
} from './pii';

const OLD = '0123456789abcdef0123456789abcdef';
const NEW = 'fedcba9876543210fedcba9876543210';

describe('personal data at rest (SM4)', () => {
  it('encrypts with a fresh IV each time and reads back', () => {
    const keys = readPiiKeys({ KECHUANG_PII_KEY: NEW });
    const first = encryptPii('370811198501011234', keys);
    const second = encryptPii('370811198501011234', keys);
    expect(first).not.toBe(second);
    expect(first).not.toContain('1985');
    expect(decryptPii(first, keys)).toBe('370811198501011234');
    expect(digestPii('370811198501011234', keys)).toBe(digestPii('370811198501011234', keys));
  });

  it('reads values written under a previous key after rotation, and knows they need re-encryption', () => {
    const before = readPiiKeys({ KECHUANG_PII_KEY: OLD });
    const stored = encryptPii('E12345678', before);
    const rotated = readPiiKeys({ KECHUANG_PII_KEY: NEW, KECHUANG_PII_OLD_KEYS: OLD });
    expect(needsReencryption(stored, rotated)).toBe(true);
    expect(decryptPii(stored, rotated)).toBe('E12345678');
    expect(() => decryptPii(stored, readPiiKeys({ KECHUANG_PII_KEY: NEW }))).toThrow('unknown key');
  });

  it('refuses to run in production without a key, and a malformed key anywhere', () => {
    expect(() => readPiiKeys({ NODE_ENV: 'production' })).toThrow('KECHUANG_PII_KEY');
    expect(() => readPiiKeys({ KECHUANG_PII_KEY: 'short' })).toThrow('32 hexadecimal');
  });

  it('masks mobiles, e-mails, ID numbers and passports', () => {
    expect(maskContact('13805371234')).toBe('138****1234');
    expect(maskContact('hans@example.de')).toBe('h***@example.de');
    expect(maskDocument('370811198501011234')).toBe('370811********1234');
    expect(maskDocument('E12345678')).toBe('E1*****78');
  });
});
