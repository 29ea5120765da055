import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { enterprises } from '../db/schema';
import { buildEnterpriseRegistration } from './factories';
import { findFreePort, type ServerProcess, startServerProcess } from './server-process';

/**
 * PostgreSQL stopped at once (`pg_ctl stop -m immediate`, as a crash or a failover would) while the
 * app is under load, then started again: meanwhile the app answers 503 with Retry-After, never 500,
 * and afterwards it serves again without being restarted; every acknowledged write is there.
 * A cluster of its own is created for this in a temporary folder, so the shared server is never
 * stopped under the other test files.
 */
function postgresBinary(name: string): string {
  const versions = fs
    .readdirSync('/usr/lib/postgresql')
    .filter((entry) => fs.existsSync(path.join('/usr/lib/postgresql', entry, 'bin', name)))
    .sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error(`${name} not found under /usr/lib/postgresql`);
  return path.join('/usr/lib/postgresql', versions[0], 'bin', name);
}

// PostgreSQL refuses to run as root: as root the cluster belongs to the postgres account.
const isRoot = process.getuid?.() === 0;
function runAsOwner(command: string, args: string[]): string {
  const [file, fullArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return execFileSync(file, fullArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const clusterDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kechuang-pg-'));
const dataDir = path.join(clusterDir, 'data');
let port = 0;
let server: ServerProcess | undefined;

const pgCtl = (...args: string[]) =>
  runAsOwner(postgresBinary('pg_ctl'), ['-D', dataDir, '-w', '-t', '60', ...args]);
const startCluster = () =>
  pgCtl(
    '-l',
    path.join(clusterDir, 'log'),
    '-o',
    `-p ${port} -k ${clusterDir} -c listen_addresses=127.0.0.1`,
    'start',
  );

beforeAll(async () => {
  port = await findFreePort();
  if (isRoot) execFileSync('chown', ['postgres', clusterDir]);
  runAsOwner(postgresBinary('initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  startCluster();
}, 120_000);
afterAll(async () => {
  await server?.stop();
  try {
    pgCtl('-m', 'immediate', 'stop');
  } catch {
    // already stopped
  }
  fs.rmSync(clusterDir, { recursive: true, force: true });
});

describe('PostgreSQL stopped and started under load', () => {
  it('answers 503 with Retry-After while the database is down and recovers without a restart', async () => {
    const databaseUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    server = await startServerProcess({ DATABASE_URL: databaseUrl, KECHUANG_TRUST_PROXY: 'true' }, [
      '--no-demo',
    ]);
    const baseUrl = server.baseUrl;
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let retryAfterMissing = 0;
    let sequence = 0;
    let isRunning = true;
    const writer = async () => {
      while (isRunning) {
        sequence += 1;
        const registration = buildEnterpriseRegistration();
        try {
          const response = await fetch(`${baseUrl}/api/enterprises/register`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-forwarded-for': `10.9.${sequence % 250}.${(sequence >> 8) % 250}`,
            },
            body: JSON.stringify(registration),
            signal: AbortSignal.timeout(20_000),
          });
          await response.text();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status === 201) acknowledged.push(registration.creditCode);
          if (response.status === 503 && !response.headers.get('retry-after')) retryAfterMissing += 1;
          if (response.status === 503) await new Promise((resolve) => setTimeout(resolve, 100));
        } catch (error) {
          statuses.set(-1, (statuses.get(-1) ?? 0) + 1);
          throw error;
        }
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const before = acknowledged.length;

    pgCtl('-m', 'immediate', 'stop');
    const stoppedAt = Date.now();
    // While it is down: 503 for a read too, with Retry-After.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(server.child.exitCode, server.output()).toBeNull();
    const down = await fetch(`${baseUrl}/api/public/home`);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(((await down.json()) as { error: { message: string } }).error.message).toContain(
      '数据库暂时无法连接',
    );

    startCluster();
    const restartedAt = Date.now();
    let recoveredAt = 0;
    const acknowledgedAtRestart = acknowledged.length;
    while (Date.now() - restartedAt < 60_000) {
      if (acknowledged.length > acknowledgedAtRestart) {
        recoveredAt = Date.now();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    isRunning = false;
    await Promise.all(writers);

    console.info(
      `database restart drill: down ${restartedAt - stoppedAt} ms, writes again ${recoveredAt - restartedAt} ms after the restart; answers by status ${JSON.stringify(Object.fromEntries(statuses))}; ${acknowledged.length} acknowledged (${before} before the stop)`,
    );
    expect(recoveredAt).toBeGreaterThan(0);
    expect(statuses.get(500) ?? 0).toBe(0);
    expect(statuses.get(-1) ?? 0).toBe(0);
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect(retryAfterMissing).toBe(0);
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);

    const handle = await openDatabase({ databaseUrl, dataDir: 'memory://' });
    try {
      const found = await handle.db
        .select({ creditCode: enterprises.creditCode })
        .from(enterprises)
        .where(inArray(enterprises.creditCode, acknowledged));
      expect(found.length).toBe(acknowledged.length);
    } finally {
      await handle.close();
    }
  }, 300_000);
});
