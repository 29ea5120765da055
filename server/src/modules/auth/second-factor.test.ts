import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { decryptPii, readPiiKeys } from '../../core/pii';
import { auditLog, recoveryCodes, users } from '../../db/schema';
import { buildSession, buildUser, logIn, type Session, TEST_PASSWORD } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';
import { reencryptSecondFactorSecrets } from './second-factor';

const suite = useTestApp({});

const login = (username: string, code?: string, remoteAddress = '127.0.0.1') =>
  suite.test.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: TEST_PASSWORD, ...(code === undefined ? {} : { code }) },
    remoteAddress,
  });

/** The code an authenticator shows `offsetSeconds` from now. */
const codeAt = (secret: string, offsetSeconds = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

/** A user who has set up an authenticator: returns its secret, recovery codes and a session. */
async function enrol(role: 'staff' | 'expert' | 'sysadmin' = 'staff') {
  const user = await buildUser(suite.test.db, { role });
  const session = await logIn(suite.test.app, user.username);
  const setup = await requestAs(suite.test.app, session, 'POST', '/api/auth/second-factor/setup');
  expect(setup.statusCode).toBe(200);
  const { secret, uri } = setup.json();
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  expect(uri).toContain(`secret=${secret}`);
  const enabled = await requestAs(suite.test.app, session, 'POST', '/api/auth/second-factor/enable', {
    code: await codeAt(secret),
  });
  expect(enabled.statusCode).toBe(200);
  const codes: string[] = enabled.json().recoveryCodes;
  return { user, session, secret: secret as string, codes };
}

async function setRequiredRoles(admin: Session, roles: string[]) {
  const current = await requestAs(suite.test.app, admin, 'GET', '/api/admin/security-settings');
  const saved = await requestAs(suite.test.app, admin, 'PUT', '/api/admin/security-settings', {
    secondFactorRoles: roles,
    version: current.json().version || 1,
  });
  expect(saved.statusCode).toBe(200);
}

describe('second factor (TOTP) enrolment', () => {
  it('keeps the secret encrypted at rest and gives ten one-time recovery codes once', async () => {
    const { user, secret, codes } = await enrol();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const [row] = await suite.test.db.select().from(users).where(eq(users.id, user.id));
    expect(row.totpSecret).toMatch(/^sm4:/);
    expect(row.totpSecret).not.toContain(secret);
    expect(row.totpEnabledAt).not.toBeNull();
    const stored = await suite.test.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(stored.map((item) => item.codeHash)).not.toContain(code);
  });

  it('refuses a wrong first code naming the field, and a second enrolment while one is in force', async () => {
    const user = await buildUser(suite.test.db, { role: 'leader' });
    const session = await logIn(suite.test.app, user.username);
    const early = await requestAs(suite.test.app, session, 'POST', '/api/auth/second-factor/enable', {
      code: '123456',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('请先生成绑定二维码，再输入验证码');
    const { secret } = (
      await requestAs(suite.test.app, session, 'POST', '/api/auth/second-factor/setup')
    ).json();
    const right = await codeAt(secret);
    const wrong = right === '000000' ? '111111' : '000000';
    const refused = await requestAs(suite.test.app, session, 'POST', '/api/auth/second-factor/enable', {
      code: wrong,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe('动态验证码或恢复码不正确');
    expect(refused.json().error.details[0].path).toBe('code');
    const malformed = await requestAs(suite.test.app, session, 'POST', '/api/auth/second-factor/enable', {
      code: '12ab',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].message).toContain('动态验证码');
    const [before] = await suite.test.db.select().from(users).where(eq(users.id, user.id));
    expect(before.totpEnabledAt).toBeNull();
    expect(
      (await requestAs(suite.test.app, session, 'POST', '/api/auth/second-factor/enable', { code: right }))
        .statusCode,
    ).toBe(200);
    const again = await requestAs(suite.test.app, session, 'POST', '/api/auth/second-factor/setup');
    expect(again.statusCode).toBe(409);
  });
});

describe('signing in with a second factor', () => {
  it('asks for the code after the right password, accepts it once, and refuses it reused or older', async () => {
    const { user, secret } = await enrol();
    const asked = await login(user.username);
    expect(asked.statusCode).toBe(401);
    expect(asked.json().error.code).toBe('secondFactorRequired');
    expect(asked.json().error.message).toBe('请输入动态验证码（或一个恢复码）');
    expect(asked.cookies.find((cookie) => cookie.name === 'kc_session')).toBeUndefined();

    // The enrolment used the current step: the next step's code (one step of clock tolerance) is new.
    const next = await codeAt(secret, 30);
    const accepted = await login(user.username, next);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ secondFactorEnabled: true, mustEnrolSecondFactor: false });

    const reused = await login(user.username, next);
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error.message).toBe('该动态验证码已使用过，请等待验证器显示下一个验证码');
    const older = await login(user.username, await codeAt(secret));
    expect(older.json().error.code).toBe('secondFactorReused');
    const audit = await suite.test.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'auth.login'), eq(auditLog.objectId, String(user.id))));
    expect(audit.map((entry) => [entry.result, (entry.after as { reason?: string } | null)?.reason])).toEqual(
      [
        ['ok', undefined],
        ['ok', undefined],
        ['failed', 'second factor reused'],
        ['failed', 'second factor reused'],
      ],
    );
  });

  it('counts wrong codes like wrong passwords: five from one address lock that address out', async () => {
    const { user, secret } = await enrol();
    const right = await codeAt(secret, 30);
    const wrong = right === '999999' ? '888888' : '999999';
    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await login(user.username, wrong, '203.0.113.40');
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('invalidSecondFactor');
    }
    expect((await login(user.username, wrong, '203.0.113.40')).statusCode).toBe(423);
    expect((await login(user.username, right, '203.0.113.40')).statusCode).toBe(423);
    expect((await login(user.username, right, '198.51.100.41')).statusCode).toBe(200);
  });

  it('accepts each recovery code once, in any case and spacing', async () => {
    const { user, codes } = await enrol('expert');
    const spaced = ` ${codes[3].toLowerCase().replace('-', ' ')} `;
    expect((await login(user.username, spaced)).statusCode).toBe(200);
    const spent = await login(user.username, codes[3]);
    expect(spent.statusCode).toBe(401);
    expect(spent.json().error.code).toBe('invalidSecondFactor');
    expect((await login(user.username, codes[4])).statusCode).toBe(200);
  });

  it('gives one acceptance to two sign-ins racing with the same code', async () => {
    const { user, secret } = await enrol();
    const code = await codeAt(secret, 30);
    const results = await Promise.all([login(user.username, code), login(user.username, code)]);
    expect(results.map((response) => response.statusCode).sort()).toEqual([200, 401]);
  });

  it('renews the recovery codes on a current code; the old ones stop working', async () => {
    const { user, session, secret, codes } = await enrol();
    const renewed = await requestAs(
      suite.test.app,
      session,
      'POST',
      '/api/auth/second-factor/recovery-codes',
      {
        code: await codeAt(secret, 30),
      },
    );
    expect(renewed.statusCode).toBe(200);
    const fresh: string[] = renewed.json().recoveryCodes;
    expect(fresh.filter((code) => codes.includes(code))).toEqual([]);
    expect((await login(user.username, codes[0])).statusCode).toBe(401);
    expect((await login(user.username, fresh[0])).statusCode).toBe(200);
  });
});

describe('second factor required by role (security administrator)', () => {
  it('holds a user of a required role to the set-up until enrolled, then lets it in', async () => {
    const secadmin = await buildSession(suite.test.app, suite.test.db, 'secadmin');
    await setRequiredRoles(secadmin, ['observer']);
    try {
      const user = await buildUser(suite.test.db, { role: 'observer' });
      const response = await login(user.username);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ secondFactorEnabled: false, mustEnrolSecondFactor: true });
      const session = await logIn(suite.test.app, user.username);
      const elsewhere = await requestAs(suite.test.app, session, 'GET', '/api/workbench');
      expect(elsewhere.statusCode).toBe(403);
      expect(elsewhere.json().error.message).toBe('您的角色须启用动态验证码（双因素认证），请先完成绑定');
      expect((await requestAs(suite.test.app, session, 'GET', '/api/auth/me')).statusCode).toBe(200);
      const { secret } = (
        await requestAs(suite.test.app, session, 'POST', '/api/auth/second-factor/setup')
      ).json();
      const enabled = await requestAs(suite.test.app, session, 'POST', '/api/auth/second-factor/enable', {
        code: await codeAt(secret),
      });
      expect(enabled.statusCode).toBe(200);
      expect((await requestAs(suite.test.app, session, 'GET', '/api/workbench')).statusCode).not.toBe(403);
      // Required for the role: the user cannot turn it off.
      const off = await requestAs(suite.test.app, session, 'POST', '/api/auth/second-factor/disable', {
        code: await codeAt(secret, 30),
      });
      expect(off.statusCode).toBe(409);
      expect(off.json().error.code).toBe('secondFactorRequiredByRole');
    } finally {
      await setRequiredRoles(secadmin, []);
    }
  });

  it('refuses settings naming a role twice or an unknown role, naming the field, and keeps the old ones', async () => {
    const secadmin = await buildSession(suite.test.app, suite.test.db, 'secadmin');
    await setRequiredRoles(secadmin, ['auditor']);
    try {
      const current = (
        await requestAs(suite.test.app, secadmin, 'GET', '/api/admin/security-settings')
      ).json();
      const twice = await requestAs(suite.test.app, secadmin, 'PUT', '/api/admin/security-settings', {
        secondFactorRoles: ['staff', 'staff'],
        version: current.version,
      });
      expect(twice.statusCode).toBe(400);
      expect(twice.json().error.details[0].message).toBe('须启用动态验证码的角色有重复的角色');
      const unknown = await requestAs(suite.test.app, secadmin, 'PUT', '/api/admin/security-settings', {
        secondFactorRoles: ['janitor'],
        version: current.version,
      });
      expect(unknown.statusCode).toBe(400);
      const stale = await requestAs(suite.test.app, secadmin, 'PUT', '/api/admin/security-settings', {
        secondFactorRoles: ['staff'],
        version: current.version - 1,
      });
      expect(stale.statusCode).toBe(409);
      const after = (await requestAs(suite.test.app, secadmin, 'GET', '/api/admin/security-settings')).json();
      expect(after).toEqual(current);
    } finally {
      await setRequiredRoles(secadmin, []);
    }
  });

  it('lets the security administrator reset a lost authenticator, audited, ending the sessions', async () => {
    const { user, session } = await enrol();
    const secadmin = await buildSession(suite.test.app, suite.test.db, 'secadmin');
    const [row] = await suite.test.db.select().from(users).where(eq(users.id, user.id));
    const reset = await requestAs(
      suite.test.app,
      secadmin,
      'POST',
      `/api/admin/users/${user.id}/reset-second-factor`,
      {
        version: row.version,
      },
    );
    expect(reset.statusCode).toBe(200);
    expect(reset.json().secondFactorEnabled).toBe(false);
    expect((await requestAs(suite.test.app, session, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const [after] = await suite.test.db.select().from(users).where(eq(users.id, user.id));
    expect(after.totpSecret).toBeNull();
    expect(await suite.test.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toEqual(
      [],
    );
    expect((await login(user.username)).statusCode).toBe(200);
    const [entry] = await suite.test.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'user.reset-second-factor'), eq(auditLog.objectId, String(user.id))));
    expect(entry.actorRole).toBe('secadmin');
  });

  it('lets a user whose role does not require it turn it off with a current code', async () => {
    const { user, session, secret } = await enrol();
    const off = await requestAs(suite.test.app, session, 'POST', '/api/auth/second-factor/disable', {
      code: await codeAt(secret, 30),
    });
    expect(off.statusCode).toBe(200);
    expect((await login(user.username)).statusCode).toBe(200);
  });
});

describe('key rotation', () => {
  it('re-encrypts authenticator secrets under the new key; sign-in works on with the same phone', async () => {
    const { user, secret } = await enrol();
    const before = readPiiKeys();
    const newKey = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
    const rotated = readPiiKeys({
      KECHUANG_PII_KEY: newKey,
      KECHUANG_PII_OLD_KEYS: before.current.toString('hex'),
    });
    expect(await reencryptSecondFactorSecrets(suite.test.db, rotated)).toBeGreaterThanOrEqual(1);
    expect(await reencryptSecondFactorSecrets(suite.test.db, rotated)).toBe(0);
    const [row] = await suite.test.db.select().from(users).where(eq(users.id, user.id));
    expect(decryptPii(row.totpSecret ?? '', readPiiKeys({ KECHUANG_PII_KEY: newKey }))).toBe(secret);
    expect(() => decryptPii(row.totpSecret ?? '', before)).toThrow();
    // Put it back under the key this process signs in with, and sign in.
    await reencryptSecondFactorSecrets(
      suite.test.db,
      readPiiKeys({ KECHUANG_PII_KEY: before.current.toString('hex'), KECHUANG_PII_OLD_KEYS: newKey }),
    );
    expect((await login(user.username, await codeAt(secret, 30))).statusCode).toBe(200);
  });
});
