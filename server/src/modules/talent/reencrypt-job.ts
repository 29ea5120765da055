import { eq, sql } from 'drizzle-orm';
import type { DailyJob } from '../../core/module';
import type { Database } from '../../db/connection';
import { talents } from '../../db/schema';
import { decryptPii, digestPii, encryptPii, needsReencryption, type PiiKeys, readPiiKeys } from './pii';

/**
 * After a key rotation (the new key in `KECHUANG_PII_KEY`, the old one moved to
 * `KECHUANG_PII_OLD_KEYS`), re-encrypts every document number and contact still under an old key,
 * and recomputes the duplicate digest under the new one, row by row. Once it reports none left, the
 * old key can be removed from the configuration.
 */
export async function reencryptTalents(db: Database, keys: PiiKeys = readPiiKeys()): Promise<number> {
  const rows = await db
    .select({ id: talents.id, idNumberCipher: talents.idNumberCipher, contactCipher: talents.contactCipher })
    .from(talents)
    .where(
      sql`${talents.erasedAt} is null and split_part(${talents.idNumberCipher}, ':', 2) <> ${keys.currentId}`,
    );
  let done = 0;
  for (const row of rows) {
    if (!needsReencryption(row.idNumberCipher, keys)) continue;
    const idNumber = decryptPii(row.idNumberCipher, keys);
    const contact = row.contactCipher ? decryptPii(row.contactCipher, keys) : null;
    await db
      .update(talents)
      .set({
        idNumberCipher: encryptPii(idNumber, keys),
        idNumberDigest: digestPii(idNumber, keys),
        contactCipher: contact === null ? null : encryptPii(contact, keys),
      })
      .where(eq(talents.id, row.id));
    done += 1;
  }
  return done;
}

export const reencryptJob: DailyJob = {
  name: 'talent-pii-reencrypt',
  description: '人才台账证件号码、联系方式在密钥轮换后改用新密钥加密',
  run: async (db) => `人才台账个人信息重新加密 ${await reencryptTalents(db)} 条`,
};
