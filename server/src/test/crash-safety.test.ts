import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { enterprises } from '../db/schema';
import { buildEnterpriseRegistration } from './factories';
import { startServerProcess } from './server-process';

const ROUNDS = 3;
const WRITERS = 4;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kechuang-crash-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** The embedded database survives `kill -9` while enterprises register: every acknowledged one is there. */
describe('crash safety of the embedded database', () => {
  it(`keeps every acknowledged registration across ${ROUNDS} kill -9 restarts`, async () => {
    const acknowledged: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Behind the bureau's reverse proxy, each enterprise registers from its own address.
      const server = await startServerProcess(
        { KECHUANG_DATA_DIR: dataDir, DATABASE_URL: '', KECHUANG_TRUST_PROXY: 'true' },
        ['--no-demo'],
      );
      let isRunning = true;
      const writers = Array.from({ length: WRITERS }, async () => {
        while (isRunning) {
          const registration = buildEnterpriseRegistration();
          try {
            const response = await fetch(`${server.baseUrl}/api/enterprises/register`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'x-forwarded-for': `10.1.${acknowledged.length % 250}.${Math.floor(Math.random() * 250)}`,
              },
              body: JSON.stringify(registration),
            });
            if (response.status === 201) acknowledged.push(registration.creditCode);
          } catch {
            return; // the process was killed mid-request: this one was never acknowledged
          }
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 1500 + Math.random() * 1500));
      await server.stop('SIGKILL');
      isRunning = false;
      await Promise.all(writers);
    }
    console.info(`crash drill: ${ROUNDS} kill -9 rounds, ${acknowledged.length} acknowledged registrations`);
    expect(acknowledged.length).toBeGreaterThan(ROUNDS * 5);
    const handle = await openDatabase({ dataDir });
    const found = await handle.db
      .select({ creditCode: enterprises.creditCode })
      .from(enterprises)
      .where(inArray(enterprises.creditCode, acknowledged));
    await handle.close();
    expect(found.length).toBe(acknowledged.length);
  }, 180_000);
});
