import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../../db/schema';
import { buildSession, buildUser, logIn, TEST_PASSWORD } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';

const suite = useTestApp({});

const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  suite.test.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
  });
const me = (cookie: string) =>
  suite.test.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

describe('login controls (等保 8.1.4.1)', () => {
  it('locks the account from the guessing address for 30 minutes after 5 failures, even for the right password', async () => {
    const user = await buildUser(suite.test.db, { role: 'staff' });
    for (let attempt = 1; attempt <= 4; attempt++)
      expect((await login(user.username, 'Wrong@pass1')).statusCode).toBe(401);
    const fifth = await login(user.username, 'Wrong@pass1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.message).toBe('连续登录失败次数过多，账号已锁定 30 分钟');
    expect(Number(fifth.headers['retry-after'])).toBe(30 * 60);
    const locked = await login(user.username, TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(29 * 60);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(30 * 60);
    // The failures age out of the 30-minute window: the right password works again.
    await suite.test.db.execute(
      sql`update throttle_events set at = at - interval '31 minutes' where key = ${`${user.id}@127.0.0.1`}`,
    );
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
    const failures = await suite.test.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'auth.login'), eq(auditLog.objectId, String(user.id))));
    expect(failures.map((entry) => entry.result)).toEqual([
      'failed',
      'failed',
      'failed',
      'failed',
      'failed',
      'denied',
      'ok',
    ]);
  });

  it('lets the owner in from its own address while a stranger elsewhere is locked out', async () => {
    const user = await buildUser(suite.test.db, { role: 'staff' });
    for (let attempt = 1; attempt <= 5; attempt++) await login(user.username, 'Wrong@pass1', '203.0.113.7');
    expect((await login(user.username, TEST_PASSWORD, '203.0.113.7')).statusCode).toBe(423);
    expect((await login(user.username, TEST_PASSWORD, '198.51.100.20')).statusCode).toBe(200);
    const [row] = await suite.test.db.select().from(users).where(eq(users.id, user.id));
    expect(row.lockedUntil).toBeNull();
  });

  it('locks the whole account after 30 failures from many addresses, until the admin unlocks it', async () => {
    const user = await buildUser(suite.test.db, { role: 'staff' });
    for (let attempt = 1; attempt <= 30; attempt++)
      await login(user.username, 'Wrong@pass1', `192.0.2.${attempt}`);
    const [row] = await suite.test.db.select().from(users).where(eq(users.id, user.id));
    expect((row.lockedUntil!.getTime() - Date.now()) / 60_000).toBeGreaterThan(29);
    expect((await login(user.username, TEST_PASSWORD, '198.51.100.99')).statusCode).toBe(423);
    const admin = await buildSession(suite.test.app, suite.test.db, 'secadmin');
    const unlocked = await requestAs(suite.test.app, admin, 'POST', `/api/admin/users/${user.id}/unlock`, {
      version: row.version,
    });
    expect(unlocked.statusCode).toBe(200);
    expect((await login(user.username, TEST_PASSWORD, '192.0.2.1')).statusCode).toBe(200);
  });

  it('answers password spraying from one address with 429 and Retry-After, audited, other addresses unaffected', async () => {
    const sprayer = '203.0.113.66';
    const accounts = await Promise.all(
      Array.from({ length: 31 }, () => buildUser(suite.test.db, { role: 'enterprise' })),
    );
    const statuses: number[] = [];
    for (const account of accounts)
      statuses.push((await login(account.username, 'Spring@2021', sprayer)).statusCode);
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    const refused = await login(accounts[0].username, TEST_PASSWORD, sprayer);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toBe('本地址登录失败次数过多，请稍后再试');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // A forged X-Forwarded-For changes nothing without a trusted proxy in front.
    const forged = await suite.test.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: accounts[0].username, password: TEST_PASSWORD },
      remoteAddress: sprayer,
      headers: { 'x-forwarded-for': '198.51.100.1' },
    });
    expect(forged.statusCode).toBe(429);
    expect((await login(accounts[0].username, TEST_PASSWORD, '198.51.100.2')).statusCode).toBe(200);
    const denied = await suite.test.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'auth.login'), eq(auditLog.result, 'denied'), eq(auditLog.ip, sprayer)));
    expect(denied.length).toBe(3);
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const unknown = await login('nobody-here', 'Wrong@pass1');
    const user = await buildUser(suite.test.db, { role: 'staff' });
    const wrong = await login(user.username, 'Wrong@pass1');
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it('issues a new session id at every login and ends the old one', async () => {
    const user = await buildUser(suite.test.db, { role: 'staff' });
    const first = await logIn(suite.test.app, user.username);
    const second = await requestAs(suite.test.app, first, 'POST', '/api/auth/login', {
      username: user.username,
      password: TEST_PASSWORD,
    });
    const secondCookie = `kc_session=${second.cookies.find((cookie) => cookie.name === 'kc_session')!.value}`;
    expect(secondCookie).not.toBe(first.cookie);
    expect((await me(first.cookie)).statusCode).toBe(401);
    expect((await me(secondCookie)).statusCode).toBe(200);
    const setCookie = String(second.headers['set-cookie']);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
  });

  it('ends a session idle past the timeout (30 minutes by default)', async () => {
    const session = await buildSession(suite.test.app, suite.test.db, 'staff');
    await suite.test.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '29 minutes'` })
      .where(eq(sessions.userId, session.userId));
    expect((await me(session.cookie)).statusCode).toBe(200);
    await suite.test.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '31 minutes'` })
      .where(eq(sessions.userId, session.userId));
    const expired = await me(session.cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('sessionExpired');
  });

  it('ends the session at logout', async () => {
    const session = await buildSession(suite.test.app, suite.test.db, 'leader');
    expect((await requestAs(suite.test.app, session, 'POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await me(session.cookie)).statusCode).toBe(401);
  });

  it('ends every session of a user the security administrator disables, and refuses the next login', async () => {
    const secadmin = await buildSession(suite.test.app, suite.test.db, 'secadmin');
    const target = await buildSession(suite.test.app, suite.test.db, 'staff');
    const [row] = await suite.test.db.select().from(users).where(eq(users.id, target.userId));
    const disabled = await requestAs(
      suite.test.app,
      secadmin,
      'POST',
      `/api/admin/users/${target.userId}/disable`,
      { version: row.version },
    );
    expect(disabled.statusCode).toBe(200);
    expect((await me(target.cookie)).statusCode).toBe(401);
    expect((await login(target.username, TEST_PASSWORD)).statusCode).toBe(403);
  });

  it('makes a first login change the initial password before anything else', async () => {
    const sysadmin = await buildSession(suite.test.app, suite.test.db, 'sysadmin');
    const created = await requestAs(suite.test.app, sysadmin, 'POST', '/api/admin/users', {
      username: 'new.staff',
      displayName: '新科员',
      role: 'staff',
    });
    expect(created.statusCode).toBe(201);
    const { initialPassword } = created.json();
    const session = await logIn(suite.test.app, 'new.staff', initialPassword);
    expect((await me(session.cookie)).json().mustChangePassword).toBe(true);
    const blocked = await requestAs(suite.test.app, session, 'GET', '/api/workbench');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('passwordChangeRequired');

    const weak = await requestAs(suite.test.app, session, 'POST', '/api/auth/password', {
      oldPassword: initialPassword,
      newPassword: 'abcdefgh',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0]).toEqual({
      path: 'newPassword',
      message: '新密码至少 8 位，且包含大写字母、小写字母、数字、符号中的三类',
    });

    const changed = await requestAs(suite.test.app, session, 'POST', '/api/auth/password', {
      oldPassword: initialPassword,
      newPassword: 'Renewed#2026',
    });
    expect(changed.statusCode).toBe(200);
    const renewed = `kc_session=${changed.cookies.find((cookie) => cookie.name === 'kc_session')!.value}`;
    expect((await me(session.cookie)).statusCode).toBe(401);
    expect(
      (await suite.test.app.inject({ method: 'GET', url: '/api/workbench', headers: { cookie: renewed } }))
        .statusCode,
    ).toBe(200);
    const [row] = await suite.test.db.select().from(users).where(eq(users.username, 'new.staff'));
    expect(row.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
  });

  it('audits a refused request with who, what and from where', async () => {
    const enterpriseUser = await buildSession(suite.test.app, suite.test.db, 'observer');
    const refused = await suite.test.app.inject({
      method: 'GET',
      url: '/api/enterprises',
      headers: { cookie: enterpriseUser.cookie, 'x-forwarded-for': '10.9.9.9' },
    });
    expect(refused.statusCode).toBe(403);
    const [entry] = await suite.test.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.event, 'access.denied'), eq(auditLog.actorId, enterpriseUser.userId)));
    expect(entry).toMatchObject({
      result: 'denied',
      objectId: 'GET /api/enterprises',
      requestId: refused.headers['x-request-id'],
      actorRole: 'observer',
    });
    expect(entry.ip).toBe('127.0.0.1');
  });
});
