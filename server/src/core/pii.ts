import crypto from 'node:crypto';

/**
 * Personal data and other secrets at rest: SM4-CBC (GB/T 32907) from Node's crypto with a random IV per value, the key
 * from configuration (`KECHUANG_PII_KEY`, 32 hex digits), never from the database. A value is stored
 * as `sm4:<key id>:<iv>:<ciphertext>`; the key id (first 8 hex of SM3 of the key) lets values
 * written under a previous key (`KECHUANG_PII_OLD_KEYS`, comma-separated) still be read while they
 * are re-encrypted (`reencryptTalents`). Outside production a fixed development key is used when none is
 * configured; production refuses to start a write or read without one.
 */
const DEVELOPMENT_KEY = '6b65636875616e672d6465762d6b6579';

export interface PiiKeys {
  current: Buffer;
  currentId: string;
  byId: Map<string, Buffer>;
}

const keyId = (key: Buffer) => crypto.createHash('sm3').update(key).digest('hex').slice(0, 8);

function parseKey(hex: string, name: string): Buffer {
  if (!/^[0-9a-fA-F]{32}$/.test(hex.trim()))
    throw new Error(`${name} must be 32 hexadecimal digits (a 128-bit SM4 key)`);
  return Buffer.from(hex.trim(), 'hex');
}

export function readPiiKeys(env: NodeJS.ProcessEnv = process.env): PiiKeys {
  const configured = env.KECHUANG_PII_KEY;
  if (!configured && env.NODE_ENV === 'production') throw new Error('KECHUANG_PII_KEY is not configured');
  const current = parseKey(configured || DEVELOPMENT_KEY, 'KECHUANG_PII_KEY');
  const byId = new Map<string, Buffer>([[keyId(current), current]]);
  for (const old of (env.KECHUANG_PII_OLD_KEYS ?? '').split(',').filter((part) => part.trim())) {
    const key = parseKey(old, 'KECHUANG_PII_OLD_KEYS');
    byId.set(keyId(key), key);
  }
  return { current, currentId: keyId(current), byId };
}

let cached: PiiKeys | undefined;
const keys = () => {
  cached ??= readPiiKeys();
  return cached;
};

export function encryptPii(plain: string, piiKeys: PiiKeys = keys()): string {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('sm4-cbc', piiKeys.current, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `sm4:${piiKeys.currentId}:${iv.toString('base64')}:${body.toString('base64')}`;
}

export function decryptPii(stored: string, piiKeys: PiiKeys = keys()): string {
  const [scheme, id, iv, body] = stored.split(':');
  const key = piiKeys.byId.get(id);
  if (scheme !== 'sm4' || !key || !iv || !body)
    throw new Error('personal data encrypted under an unknown key');
  const decipher = crypto.createDecipheriv('sm4-cbc', key, Buffer.from(iv, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

/** Whether a stored value is in the `sm4:<key id>:<iv>:<ciphertext>` form (not a clear value). */
export function isEncryptedPii(stored: string): boolean {
  return /^sm4:[0-9a-f]{8}:[^:]+:[^:]+$/.test(stored);
}

/** Whether a stored value was written under a key other than the current one. */
export function needsReencryption(stored: string, piiKeys: PiiKeys = keys()): boolean {
  return stored.split(':')[1] !== piiKeys.currentId;
}

/** HMAC-SM3 of a normalised document number: finds a duplicate without decrypting any row. */
export function digestPii(plain: string, piiKeys: PiiKeys = keys()): string {
  return crypto.createHmac('sm3', piiKeys.current).update(plain).digest('hex');
}

/** `138****5678` for a mobile, `a***@example.com` for an e-mail, the middle hidden otherwise. */
export function maskContact(value: string): string {
  if (/^1\d{10}$/.test(value)) return `${value.slice(0, 3)}****${value.slice(-4)}`;
  const at = value.indexOf('@');
  if (at > 0) return `${value[0]}***${value.slice(at)}`;
  if (value.length <= 4) return '*'.repeat(value.length);
  return `${value.slice(0, 2)}${'*'.repeat(value.length - 4)}${value.slice(-2)}`;
}

/** A passport keeps its first 2 and last 2 characters; an ID card its region and last 4. */
export function maskDocument(value: string): string {
  if (value.length === 18) return `${value.slice(0, 6)}********${value.slice(-4)}`;
  if (value.length <= 4) return '*'.repeat(value.length);
  return `${value.slice(0, 2)}${'*'.repeat(value.length - 4)}${value.slice(-2)}`;
}
