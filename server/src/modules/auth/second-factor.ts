import crypto from 'node:crypto';
import type { RecoveryCodes, Role, SecondFactorSetup } from '@kechuang/domain';
import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { decryptPii, encryptPii, needsReencryption, type PiiKeys, readPiiKeys } from '../../core/pii';
import { readDistrictSettings, readSecuritySettings } from '../../core/settings';
import type { Database, Executor } from '../../db/connection';
import { recoveryCodes, users } from '../../db/schema';

/**
 * The second factor: a TOTP authenticator app (RFC 6238, 30-second steps, 6 digits, via `otplib`) with
 * ten one-time recovery codes. The secret is encrypted at rest like personal data (SM4, key from
 * configuration); a code is accepted once — the last accepted step is kept and only a later one passes.
 */

/** One step either side of now: a phone clock 30 s off still works. */
const EPOCH_TOLERANCE_SECONDS = 30;
const RECOVERY_CODE_COUNT = 10;
// No 0/O, 1/I/L: codes are read off paper.
const RECOVERY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

type UserRow = typeof users.$inferSelect;

const hashRecoveryCode = (code: string) =>
  crypto.createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('hex');

function newRecoveryCode(): string {
  const characters = Array.from(
    crypto.randomBytes(8),
    (byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length],
  );
  return `${characters.slice(0, 4).join('')}-${characters.slice(4).join('')}`;
}

async function replaceRecoveryCodes(executor: Executor, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await executor.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await executor
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

export async function isSecondFactorRequired(executor: Executor, role: Role): Promise<boolean> {
  return (await readSecuritySettings(executor)).secondFactorRoles.includes(role);
}

type CodeOutcome = 'accepted' | 'wrong' | 'reused';

/**
 * Checks a 6-digit authenticator code against the user's secret. An accepted code moves the user's
 * last step on in the same statement that checks it, so two sign-ins racing with one code get one
 * acceptance.
 */
async function acceptTotp(executor: Executor, user: UserRow, code: string): Promise<CodeOutcome> {
  if (!user.totpSecret || !/^\d{6}$/.test(code)) return 'wrong';
  const result = await verify({
    secret: decryptPii(user.totpSecret),
    token: code,
    epochTolerance: EPOCH_TOLERANCE_SECONDS,
  });
  // The TOTP result carries the time step the code belongs to.
  if (!result.valid || !('timeStep' in result)) return 'wrong';
  const step = result.timeStep as number;
  const moved = await executor
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return moved.length > 0 ? 'accepted' : 'reused';
}

async function acceptRecoveryCode(executor: Executor, userId: number, code: string): Promise<CodeOutcome> {
  const used = await executor
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0 ? 'accepted' : 'wrong';
}

/** At sign-in: an authenticator code, or a recovery code (which is then spent). */
export async function checkSignInCode(executor: Executor, user: UserRow, code: string): Promise<CodeOutcome> {
  const trimmed = code.trim();
  return /^\d{6}$/.test(trimmed)
    ? acceptTotp(executor, user, trimmed)
    : acceptRecoveryCode(executor, user.id, trimmed);
}

async function readActorRow(executor: Executor, context: RequestContext): Promise<UserRow> {
  const userId = context.actor?.userId;
  if (!userId) throw new AppError(401, 'unauthenticated');
  const [user] = await executor.select().from(users).where(eq(users.id, userId)).for('update');
  if (!user) throw new AppError(401, 'unauthenticated');
  return user;
}

const codeError = (outcome: CodeOutcome) =>
  new AppError(400, outcome === 'reused' ? 'secondFactorReused' : 'invalidSecondFactor', [
    { path: 'code', message: '' },
  ]);

/** Starts (or restarts) enrolment: a new secret, not in force until a code from it is entered. */
export async function startEnrolment(db: Database, context: RequestContext): Promise<SecondFactorSetup> {
  const district = await readDistrictSettings(db);
  return db.transaction(async (tx) => {
    const user = await readActorRow(tx, context);
    if (user.totpEnabledAt) throw new AppError(409, 'secondFactorAlreadyEnabled');
    const secret = generateSecret();
    await tx
      .update(users)
      .set({ totpSecret: encryptPii(secret), totpLastStep: null })
      .where(eq(users.id, user.id));
    await recordAudit(tx, context, {
      event: 'auth.second-factor.setup',
      objectType: 'user',
      objectId: user.id,
    });
    const uri = generateURI({ issuer: `科创·${district.name}`, label: user.username, secret });
    return { secret, uri };
  });
}

/** Confirms enrolment with a first code; the second factor is in force from now on. */
export async function enableSecondFactor(
  db: Database,
  options: { code: string; context: RequestContext },
): Promise<RecoveryCodes> {
  return db.transaction(async (tx) => {
    const user = await readActorRow(tx, options.context);
    if (user.totpEnabledAt) throw new AppError(409, 'secondFactorAlreadyEnabled');
    if (!user.totpSecret) throw new AppError(409, 'secondFactorNotStarted');
    const outcome = await acceptTotp(tx, user, options.code);
    if (outcome !== 'accepted') throw codeError(outcome);
    await tx.update(users).set({ totpEnabledAt: sql`now()` }).where(eq(users.id, user.id));
    const codes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(tx, options.context, {
      event: 'auth.second-factor.enable',
      objectType: 'user',
      objectId: user.id,
    });
    return { recoveryCodes: codes };
  });
}

/** The caller's account, after checking a current code from its authenticator (which is then spent). */
async function confirmWithCurrentCode(executor: Executor, context: RequestContext, code: string) {
  const user = await readActorRow(executor, context);
  if (!user.totpEnabledAt) throw new AppError(409, 'secondFactorNotEnabled');
  const outcome = await acceptTotp(executor, user, code);
  if (outcome !== 'accepted') throw codeError(outcome);
  return user;
}

/** New recovery codes (the old ones stop working), on a current authenticator code. */
export async function renewRecoveryCodes(
  db: Database,
  options: { code: string; context: RequestContext },
): Promise<RecoveryCodes> {
  return db.transaction(async (tx) => {
    const user = await confirmWithCurrentCode(tx, options.context, options.code);
    const codes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(tx, options.context, {
      event: 'auth.second-factor.recovery-codes',
      objectType: 'user',
      objectId: user.id,
    });
    return { recoveryCodes: codes };
  });
}

/** Turns the second factor off, on a current code, unless the user's role requires it. */
export async function disableSecondFactor(
  db: Database,
  options: { code: string; context: RequestContext },
): Promise<void> {
  await db.transaction(async (tx) => {
    const role = options.context.actor?.role;
    if (role && (await isSecondFactorRequired(tx, role)))
      throw new AppError(409, 'secondFactorRequiredByRole');
    const user = await confirmWithCurrentCode(tx, options.context, options.code);
    await clearSecondFactor(tx, user.id);
    await recordAudit(tx, options.context, {
      event: 'auth.second-factor.disable',
      objectType: 'user',
      objectId: user.id,
    });
  });
}

/** Removes the secret and every recovery code: the user's own turning off, or the security admin's reset. */
export async function clearSecondFactor(executor: Executor, userId: number): Promise<void> {
  await executor
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, userId));
  await executor.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/**
 * After a key rotation (`KECHUANG_PII_KEY` new, the old one in `KECHUANG_PII_OLD_KEYS`) the secrets
 * written under the old key are re-encrypted under the new one; a secret changed meanwhile is left
 * for the next run. Returns how many were moved.
 */
export async function reencryptSecondFactorSecrets(
  db: Database,
  keys: PiiKeys = readPiiKeys(),
): Promise<number> {
  const rows = await db
    .select({ id: users.id, totpSecret: users.totpSecret })
    .from(users)
    .where(isNotNull(users.totpSecret));
  let moved = 0;
  for (const row of rows) {
    const stored = row.totpSecret ?? '';
    if (!needsReencryption(stored, keys)) continue;
    const updated = await db
      .update(users)
      .set({ totpSecret: encryptPii(decryptPii(stored, keys), keys) })
      .where(and(eq(users.id, row.id), eq(users.totpSecret, stored)))
      .returning({ id: users.id });
    moved += updated.length;
  }
  return moved;
}
