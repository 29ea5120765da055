import type { ChangePassword, CurrentUser, Login, Role } from '@kechuang/domain';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { hashPassword, verifyPassword } from '../../core/passwords';
import { createSession, destroySession, destroyUserSessions } from '../../core/sessions';
import {
  clearThrottleEvents,
  isAtLimit,
  readThrottle,
  recordThrottleEvent,
  type ThrottleRule,
} from '../../core/throttle';
import type { Database, Executor } from '../../db/connection';
import { users } from '../../db/schema';
import { checkSignInCode, isSecondFactorRequired } from './second-factor';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 30;

// Compared against when the user does not exist, so a wrong name costs the same time as a wrong password.
const DUMMY_HASH = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$Hq0KZqS0o8z1wFjqg0Y3l2m9m6oV1z4d9nQ2y5mYc1c=';

type UserRow = typeof users.$inferSelect;

export async function toCurrentUser(executor: Executor, user: UserRow): Promise<CurrentUser> {
  const secondFactorEnabled = user.totpEnabledAt !== null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    enterpriseId: user.enterpriseId,
    mustChangePassword: user.mustChangePassword,
    secondFactorEnabled,
    mustEnrolSecondFactor:
      !secondFactorEnabled && (await isSecondFactorRequired(executor, user.role as Role)),
  };
}

export async function findUserByUsername(db: Database, username: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`);
  return user;
}

/** Failed sign-ins from one address to any accounts: password spraying is answered 429 past this. */
export const LOGIN_FAILURES_BY_ADDRESS: ThrottleRule = {
  counter: 'login.address',
  limit: 30,
  windowSeconds: 15 * 60,
};
/** Failed sign-ins to one account from one address: that address is locked out of the account (423). */
export const LOGIN_FAILURES_BY_ACCOUNT_ADDRESS: ThrottleRule = {
  counter: 'login.account-address',
  limit: MAX_FAILED_LOGINS,
  windowSeconds: LOCKOUT_MINUTES * 60,
};
/**
 * Failed sign-ins to one account from all addresses together: past this the whole account is locked
 * for LOCKOUT_MINUTES (shown to the admin, who may unlock it). Strangers guessing from elsewhere lock
 * only their own address out until then, so the owner still gets in from its own.
 */
export const LOGIN_FAILURES_BY_ACCOUNT: ThrottleRule = {
  counter: 'login.account',
  limit: 30,
  windowSeconds: LOCKOUT_MINUTES * 60,
};

const retryAfter = (seconds: number) => ({ 'retry-after': String(seconds) });

/**
 * Checks the password with throttling by address and lockout by account and address; on success
 * opens a fresh session. Failures are counted in the database, so every instance sees the same.
 */
export async function logIn(
  db: Database,
  options: {
    credentials: Login;
    context: RequestContext;
    userAgent: string | null;
    previousToken: string | null;
  },
): Promise<{ user: CurrentUser; token: string }> {
  const { credentials, context } = options;
  const address = context.ip ?? 'unknown';
  const user = await findUserByUsername(db, credentials.username);
  const auditBase = {
    event: 'auth.login',
    objectType: 'user',
    objectId: user?.id ?? credentials.username.slice(0, 64),
  };
  const byAddress = await readThrottle(db, LOGIN_FAILURES_BY_ADDRESS, address);
  if (isAtLimit(LOGIN_FAILURES_BY_ADDRESS, byAddress)) {
    await recordAudit(db, context, {
      ...auditBase,
      result: 'denied',
      after: { reason: 'address throttled' },
    });
    throw new AppError(429, 'loginThrottled', [], retryAfter(byAddress.retryAfterSeconds));
  }
  if (!user) {
    await verifyPassword(credentials.password, DUMMY_HASH);
    await db.transaction(async (tx) => {
      await recordThrottleEvent(tx, LOGIN_FAILURES_BY_ADDRESS.counter, address);
      await recordAudit(tx, context, { ...auditBase, result: 'failed', after: { reason: 'unknown user' } });
    });
    throw new AppError(401, 'invalidCredentials');
  }
  const actorContext: RequestContext = {
    ...context,
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role as Role,
      enterpriseId: user.enterpriseId,
    },
  };
  const accountAddress = `${user.id}@${address}`;
  const byAccountAddress = await readThrottle(db, LOGIN_FAILURES_BY_ACCOUNT_ADDRESS, accountAddress);
  const isLockedHere = isAtLimit(LOGIN_FAILURES_BY_ACCOUNT_ADDRESS, byAccountAddress);
  if (isLockedHere || (user.lockedUntil && user.lockedUntil.getTime() > Date.now())) {
    await recordAudit(db, actorContext, {
      ...auditBase,
      result: 'denied',
      after: { reason: isLockedHere ? 'locked for this address' : 'locked' },
    });
    const seconds = isLockedHere
      ? byAccountAddress.retryAfterSeconds
      : Math.ceil(((user.lockedUntil?.getTime() ?? Date.now()) - Date.now()) / 1000);
    throw new AppError(423, 'accountLocked', [], retryAfter(Math.max(1, seconds)));
  }
  // A wrong password and a wrong second-factor code count alike towards throttling and lockout.
  const refuse = async (reason: string, error: AppError): Promise<never> => {
    const { isLockingHere, isLockingAccount } = await db.transaction(async (tx) => {
      await recordThrottleEvent(tx, LOGIN_FAILURES_BY_ADDRESS.counter, address);
      await recordThrottleEvent(tx, LOGIN_FAILURES_BY_ACCOUNT_ADDRESS.counter, accountAddress);
      await recordThrottleEvent(tx, LOGIN_FAILURES_BY_ACCOUNT.counter, String(user.id));
      const here = await readThrottle(tx, LOGIN_FAILURES_BY_ACCOUNT_ADDRESS, accountAddress);
      const everywhere = await readThrottle(tx, LOGIN_FAILURES_BY_ACCOUNT, String(user.id));
      const counts = {
        failures: here.count,
        isLockingHere: isAtLimit(LOGIN_FAILURES_BY_ACCOUNT_ADDRESS, here),
        isLockingAccount: isAtLimit(LOGIN_FAILURES_BY_ACCOUNT, everywhere),
      };
      await tx
        .update(users)
        .set({
          failedLoginCount: sql`${users.failedLoginCount} + 1`,
          lockedUntil: counts.isLockingAccount
            ? new Date(Date.now() + LOCKOUT_MINUTES * 60_000)
            : user.lockedUntil,
        })
        .where(eq(users.id, user.id));
      await recordAudit(tx, actorContext, {
        ...auditBase,
        result: 'failed',
        after: {
          reason,
          failures: counts.failures,
          locked: counts.isLockingHere || counts.isLockingAccount,
          lockedAccount: counts.isLockingAccount,
        },
      });
      return counts;
    });
    if (isLockingHere || isLockingAccount)
      throw new AppError(423, 'accountLocked', [], retryAfter(LOCKOUT_MINUTES * 60));
    throw error;
  };
  if (!(await verifyPassword(credentials.password, user.passwordHash)))
    return refuse('wrong password', new AppError(401, 'invalidCredentials'));
  if (user.isDisabled) {
    await recordAudit(db, actorContext, { ...auditBase, result: 'denied', after: { reason: 'disabled' } });
    throw new AppError(403, 'accountDisabled');
  }
  if (user.totpEnabledAt) {
    // The password was right: the sign-in form now asks for the authenticator's code.
    if (!credentials.code) throw new AppError(401, 'secondFactorRequired', [{ path: 'code', message: '' }]);
    const outcome = await checkSignInCode(db, user, credentials.code);
    if (outcome === 'reused')
      return refuse(
        'second factor reused',
        new AppError(401, 'secondFactorReused', [{ path: 'code', message: '' }]),
      );
    if (outcome === 'wrong')
      return refuse(
        'wrong second factor',
        new AppError(401, 'invalidSecondFactor', [{ path: 'code', message: '' }]),
      );
  }
  return db.transaction(async (tx) => {
    if (options.previousToken) await destroySession(tx, options.previousToken);
    await clearThrottleEvents(tx, LOGIN_FAILURES_BY_ACCOUNT_ADDRESS.counter, { key: accountAddress });
    await tx
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(eq(users.id, user.id));
    const token = await createSession(tx, { userId: user.id, ip: context.ip, userAgent: options.userAgent });
    await recordAudit(tx, actorContext, {
      ...auditBase,
      result: 'ok',
      after: user.totpEnabledAt ? { secondFactor: true } : undefined,
    });
    return { user: await toCurrentUser(tx, user), token };
  });
}

/** The admin's unlock: the account's lock and every address's failures on it are forgotten. */
export async function forgetLoginFailures(executor: Executor, userId: number): Promise<void> {
  await clearThrottleEvents(executor, LOGIN_FAILURES_BY_ACCOUNT_ADDRESS.counter, { prefix: `${userId}@` });
  await clearThrottleEvents(executor, LOGIN_FAILURES_BY_ACCOUNT.counter, { key: String(userId) });
}

export async function logOut(
  db: Database,
  options: { token: string; context: RequestContext },
): Promise<void> {
  await db.transaction(async (tx) => {
    await destroySession(tx, options.token);
    await recordAudit(tx, options.context, {
      event: 'auth.logout',
      objectType: 'user',
      objectId: options.context.actor?.userId,
    });
  });
}

export async function readCurrentUser(db: Database, userId: number): Promise<CurrentUser> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError(401, 'unauthenticated');
  return toCurrentUser(db, user);
}

/** Changes the caller's password; every other session of the user ends, and the current one is renewed. */
export async function changePassword(
  db: Database,
  options: { input: ChangePassword; context: RequestContext; userAgent: string | null; currentToken: string },
): Promise<string> {
  const actor = options.context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError(401, 'unauthenticated');
  if (!(await verifyPassword(options.input.oldPassword, user.passwordHash))) {
    await recordAudit(db, options.context, {
      event: 'auth.password.change',
      objectType: 'user',
      objectId: user.id,
      result: 'failed',
    });
    throw new AppError(400, 'wrongOldPassword', [{ path: 'oldPassword', message: '' }]);
  }
  if (options.input.oldPassword === options.input.newPassword) {
    throw new AppError(400, 'passwordReused', [{ path: 'newPassword', message: '' }]);
  }
  const passwordHash = await hashPassword(options.input.newPassword);
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: new Date(),
        updatedAt: new Date(),
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, user.id));
    await destroyUserSessions(tx, user.id);
    const token = await createSession(tx, {
      userId: user.id,
      ip: options.context.ip,
      userAgent: options.userAgent,
    });
    await recordAudit(tx, options.context, {
      event: 'auth.password.change',
      objectType: 'user',
      objectId: user.id,
    });
    return token;
  });
}
