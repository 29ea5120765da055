import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { jobRuns } from '../db/schema';
import { MODULES } from '../modules';
import { buildEnterpriseRegistration, buildUser, TEST_PASSWORD } from './factories';
import { type ServerProcess, startServerProcess } from './server-process';
import { createTestDatabase } from './test-app';

/** Runs against the PostgreSQL server only (TEST_DATABASE_URL): two app processes share one database. */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let first: ServerProcess;
let second: ServerProcess;

beforeAll(async () => {
  database = await createTestDatabase();
  if (!database.url) throw new Error('multi-instance test needs TEST_DATABASE_URL');
  [first, second] = await Promise.all([
    startServerProcess({ DATABASE_URL: database.url }),
    startServerProcess({ DATABASE_URL: database.url }),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await database?.drop();
});

async function call(
  server: ServerProcess,
  method: string,
  url: string,
  options: { cookie?: string; body?: unknown } = {},
) {
  const response = await fetch(`${server.baseUrl}${url}`, {
    method,
    headers: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.body ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
  const body = (await response.json()) as {
    enterpriseId: number;
    username: string;
    enterprise: { address: string };
  };
  return { status: response.status, body, setCookie: response.headers.get('set-cookie') };
}

describe('two app processes on one PostgreSQL', () => {
  it('started together, created exactly one first administrator', async () => {
    const printed = [first.output(), second.output()].filter((output) => output.includes('一次性初始密码'));
    expect(printed).toHaveLength(1);
  });

  it('serves a session made on one process from the other, and refuses a stale update through either with 409', async () => {
    const handle = await openDatabase({ databaseUrl: database.url! });
    const staff = await buildUser(handle.db, { role: 'staff' });
    await handle.close();
    const login = await call(first, 'POST', '/api/auth/login', {
      body: { username: staff.username, password: TEST_PASSWORD },
    });
    expect(login.status).toBe(200);
    const cookie = login.setCookie!.split(';')[0];
    expect((await call(second, 'GET', '/api/auth/me', { cookie })).body.username).toBe(staff.username);

    const registration = buildEnterpriseRegistration();
    const registered = await call(second, 'POST', '/api/enterprises/register', { body: registration });
    expect(registered.status).toBe(201);
    const id = registered.body.enterpriseId;
    const profile = {
      name: registration.name,
      contactName: registration.contactName,
      contactPhone: registration.contactPhone,
      version: 1,
    };
    expect(
      (
        await call(first, 'PUT', `/api/enterprises/${id}`, {
          cookie,
          body: { ...profile, address: '一号进程' },
        })
      ).status,
    ).toBe(200);
    const stale = await call(second, 'PUT', `/api/enterprises/${id}`, {
      cookie,
      body: { ...profile, address: '二号进程' },
    });
    expect(stale.status).toBe(409);
    expect((await call(second, 'GET', `/api/enterprises/${id}`, { cookie })).body.enterprise.address).toBe(
      '一号进程',
    );

    expect((await call(second, 'POST', '/api/auth/logout', { cookie })).status).toBe(200);
    expect((await call(first, 'GET', '/api/auth/me', { cookie })).status).toBe(401);
  }, 60_000);

  it('runs each daily job once a day between them, and counts failed sign-ins together', async () => {
    const handle = await openDatabase({ databaseUrl: database.url! });
    try {
      const jobs = MODULES.flatMap((module) => module.jobs).map((job) => job.name);
      await expect
        .poll(async () => (await handle.db.select().from(jobRuns)).filter((run) => run.finishedAt).length, {
          timeout: 60_000,
          interval: 500,
        })
        .toBe(jobs.length);
      const runs = await handle.db.select().from(jobRuns);
      expect(runs.map((run) => run.job).sort()).toEqual([...jobs].sort());
      expect(runs.every((run) => !run.isFailed)).toBe(true);
      // Both processes asked at start; the day's row of each job names the one that ran it.
      expect(new Set(runs.map((run) => run.instance)).size).toBeLessThanOrEqual(2);
      expect(runs.every((run) => /:\d+:[0-9a-f]{6}$/.test(run.instance))).toBe(true);

      const user = await buildUser(handle.db, { role: 'staff' });
      const attempt = (server: ServerProcess, password: string) =>
        call(server, 'POST', '/api/auth/login', { body: { username: user.username, password } });
      const statuses = [];
      for (const server of [first, second, first, second, first])
        statuses.push((await attempt(server, 'Wrong@pass1')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 423]);
      expect((await attempt(second, TEST_PASSWORD)).status).toBe(423);
    } finally {
      await handle.close();
    }
  }, 90_000);
});
