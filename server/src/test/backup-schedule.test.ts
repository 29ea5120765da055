import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackupFiles, pruneBackups } from '../core/backup';
import { runDailyJobsOnce } from '../core/job-runs';
import { MODULES } from '../modules';
import { buildSession } from './factories';
import { requestAs, useTestApp } from './test-app';

const suite = useTestApp({ secadmin: 'secadmin', staff: 'staff' });
let directory: string;

beforeAll(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kechuang-scheduled-'));
});
afterAll(() => {
  delete process.env.KECHUANG_BACKUP_DIR;
  fs.rmSync(directory, { recursive: true, force: true });
});

describe('scheduled backups', () => {
  it('keeps the newest of each of 7 days and of 4 weeks, removing the rest with their checksums', () => {
    const folder = fs.mkdtempSync(path.join(directory, 'retention-'));
    // Two backups a day for 40 days up to 2026-12-07.
    for (let day = 0; day < 40; day++) {
      for (const hour of ['020000', '140000']) {
        const date = new Date(Date.UTC(2026, 11, 7 - day)).toISOString().slice(0, 10).replace(/-/g, '');
        const name = `kechuang-370811-${date}T${hour}Z.kcbak`;
        fs.writeFileSync(path.join(folder, name), 'x');
        fs.writeFileSync(path.join(folder, `${name}.sha256`), 'x');
      }
    }
    const removed = pruneBackups(folder, { daily: 7, weekly: 4 });
    const kept = listBackupFiles(folder).map((file) => file.name);
    expect(kept.slice(0, 7)).toEqual(
      ['07', '06', '05', '04', '03', '02', '01'].map((day) => `kechuang-370811-202612${day}T140000Z.kcbak`),
    );
    // 2026-12-07 is a Monday: its week and the week to 12-06 are kept by the days already; the two
    // weeks before keep their Sundays, 11-29 and 11-22.
    expect(kept.slice(7)).toEqual(
      ['20261129', '20261122'].map((date) => `kechuang-370811-${date}T140000Z.kcbak`),
    );
    expect(removed).toHaveLength(80 - 9);
    expect(fs.readdirSync(folder).filter((name) => name.endsWith('.sha256'))).toHaveLength(9);
  });

  it('runs once a day when a directory is set, and shows the files and runs to the security administrator only', async () => {
    process.env.KECHUANG_BACKUP_DIR = directory;
    const job = MODULES.flatMap((module) => module.jobs).filter((entry) => entry.name === 'backup-daily');
    const now = new Date('2026-12-07T02:00:00Z');
    const [first] = await runDailyJobsOnce(suite.test.db, job, now);
    expect(first.outcome).toMatch(/^已备份 \d+ 行/);
    const [again] = await runDailyJobsOnce(suite.test.db, job, now);
    expect(again.isRun).toBe(false);
    const status = await requestAs(suite.test.app, suite.secadmin, 'GET', '/api/admin/backups');
    expect(status.statusCode).toBe(200);
    const body = status.json();
    expect(body.directory).toBe(directory);
    expect(body.files).toHaveLength(1);
    expect(body.runs).toEqual([
      expect.objectContaining({ day: '2026-12-07', isFailed: false, outcome: first.outcome }),
    ]);
    expect((await requestAs(suite.test.app, suite.staff, 'GET', '/api/admin/backups')).statusCode).toBe(403);
    const enterprise = await buildSession(suite.test.app, suite.test.db, 'enterprise');
    expect((await requestAs(suite.test.app, enterprise, 'GET', '/api/admin/backups')).statusCode).toBe(403);
  });
});
