import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { talents } from '../../db/schema';
import { buildEnterprise } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { decryptPii, readPiiKeys } from './pii';
import { reencryptTalents } from './reencrypt-job';
import { channelId, domesticInput } from './talent-fixtures';

const suite = useTestApp({ staff: 'staff' });

describe('re-encryption after a key rotation', () => {
  it('moves every row to the new key, readable under it alone, and leaves nothing to do on a second run', async () => {
    const employer = await buildEnterprise(suite.test.app);
    const input = domesticInput({
      enterpriseId: employer.enterpriseId,
      channelId: await channelId(suite.test.app, suite.staff, 'self'),
    });
    const created = await suite.test.app.inject({
      method: 'POST',
      url: '/api/talent',
      headers: { cookie: suite.staff.cookie },
      payload: input,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const before = readPiiKeys();
    const newKey = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const rotated = readPiiKeys({
      KECHUANG_PII_KEY: newKey,
      KECHUANG_PII_OLD_KEYS: before.current.toString('hex'),
    });
    expect(await reencryptTalents(suite.test.db, rotated)).toBeGreaterThanOrEqual(1);
    expect(await reencryptTalents(suite.test.db, rotated)).toBe(0);
    const [row] = await suite.test.db.select().from(talents).where(eq(talents.id, id));
    const onlyNew = readPiiKeys({ KECHUANG_PII_KEY: newKey });
    expect(decryptPii(row.idNumberCipher, onlyNew)).toBe(input.idNumber);
    expect(decryptPii(row.contactCipher ?? '', onlyNew)).toBe(input.contact);
    expect(() => decryptPii(row.idNumberCipher, before)).toThrow();
  });
});
