import { maskIdNumber } from '@kechuang/domain';
import { eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { planProjects, projectApplications } from '../db/schema';
import type { Executor } from '../db/types';
import { decryptPii, digestPii, encryptPii, isEncryptedPii, type PiiKeys, readPiiKeys } from './pii';

/**
 * A plan application's or project's principal investigator's 身份证号 at rest: SM4-encrypted like the
 * talent ledger's documents (core/pii), with an HMAC-SM3 digest the 限项 rules match on. Every answer
 * shows it masked; the clear number is read on the server only (限项, 回避 checks).
 */
export interface SealedPrincipalId {
  principalIdNumberCipher: string | null;
  principalIdDigest: string | null;
}

const normalise = (plain: string) => plain.trim().toUpperCase();

export function sealPrincipalId(plain: string | null | undefined, keys?: PiiKeys): SealedPrincipalId {
  if (!plain?.trim()) return { principalIdNumberCipher: null, principalIdDigest: null };
  const value = normalise(plain);
  return { principalIdNumberCipher: encryptPii(value, keys), principalIdDigest: digestPii(value, keys) };
}

/** The digest to look a principal up by, or null when there is no number. */
export function principalIdDigestOf(plain: string | null | undefined): string | null {
  return plain?.trim() ? digestPii(normalise(plain)) : null;
}

/** The clear number, for server-side checks only; a value stored before encryption reads as itself. */
export function openPrincipalId(stored: string | null | undefined): string | null {
  if (!stored) return null;
  return isEncryptedPii(stored) ? decryptPii(stored) : stored;
}

/** `370811********1234`: what every answer carries. */
export function maskedPrincipalId(stored: string | null | undefined): string | null {
  const plain = openPrincipalId(stored);
  return plain ? maskIdNumber(plain) : null;
}

type PrincipalTable = typeof projectApplications | typeof planProjects;

async function sealTable(
  executor: Executor,
  table: PrincipalTable,
  cipher: PgColumn,
  digest: PgColumn,
  keys: PiiKeys,
): Promise<number> {
  const pending = sql`${cipher} is not null and (${cipher} not like 'sm4:%' or ${digest} is null)`;
  const rows = (await executor.select({ id: table.id, stored: cipher }).from(table).where(pending)) as {
    id: number;
    stored: string;
  }[];
  for (const row of rows) {
    const plain = isEncryptedPii(row.stored) ? decryptPii(row.stored, keys) : row.stored;
    await executor
      .update(table)
      .set(sealPrincipalId(plain, keys) as never)
      .where(eq(table.id, row.id));
  }
  return rows.length;
}

/**
 * Run after the migrations, on every start: encrypts any principal number still held in clear (rows
 * written before encryption, or restored from such a backup) and fills a missing digest. Idempotent:
 * once every number is sealed, it finds nothing to do.
 */
export async function sealPlainPrincipalIds(
  executor: Executor,
  keys: PiiKeys = readPiiKeys(),
): Promise<number> {
  const applications = await sealTable(
    executor,
    projectApplications,
    projectApplications.principalIdNumberCipher,
    projectApplications.principalIdDigest,
    keys,
  );
  const projects = await sealTable(
    executor,
    planProjects,
    planProjects.principalIdNumberCipher,
    planProjects.principalIdDigest,
    keys,
  );
  return applications + projects;
}

/** Re-encrypts under the current key what is still under an old one (after a key rotation). */
export async function reencryptPrincipalIds(
  executor: Executor,
  keys: PiiKeys = readPiiKeys(),
): Promise<number> {
  let done = 0;
  for (const table of [projectApplications, planProjects] as const) {
    const rows = await executor
      .select({ id: table.id, stored: table.principalIdNumberCipher })
      .from(table)
      .where(
        sql`${table.principalIdNumberCipher} like 'sm4:%' and split_part(${table.principalIdNumberCipher}, ':', 2) <> ${keys.currentId}`,
      );
    for (const row of rows) {
      if (!row.stored) continue;
      await executor
        .update(table)
        .set(sealPrincipalId(decryptPii(row.stored, keys), keys) as never)
        .where(eq(table.id, row.id));
      done += 1;
    }
  }
  return done;
}
