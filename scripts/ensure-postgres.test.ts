import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedVersions, planPostgres } from './ensure-postgres.mjs';

describe('ensure-postgres', () => {
  it('leaves a running server, or one named by TEST_DATABASE_URL, alone', () => {
    expect(
      planPostgres({ customUrl: undefined, ready: true, versions: ['15'], hasPgCtlCluster: true }).action,
    ).toBe('ready');
    expect(
      planPostgres({ customUrl: 'postgres://db/test', ready: false, versions: [], hasPgCtlCluster: false })
        .action,
    ).toBe('ready');
  });

  it('starts the newest installed cluster when it is stopped', () => {
    const plan = planPostgres({
      customUrl: undefined,
      ready: false,
      versions: ['16', '15'],
      hasPgCtlCluster: true,
    });
    expect(plan).toEqual({
      action: 'start',
      command: ['pg_ctlcluster', '--skip-systemctl-redirect', '16', 'main', 'start'],
    });
  });

  it('says what is missing when PostgreSQL is not installed', () => {
    const plan = planPostgres({ customUrl: undefined, ready: false, versions: [], hasPgCtlCluster: false });
    expect(plan.action).toBe('fail');
    expect(plan.message).toContain('sudo apt-get install -y postgresql');
    expect(plan.message).toContain('TEST_DATABASE_URL');
  });

  it('finds installed clusters by their configuration folders', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-config-'));
    fs.mkdirSync(path.join(root, '15', 'main'), { recursive: true });
    fs.mkdirSync(path.join(root, '17', 'main'), { recursive: true });
    fs.mkdirSync(path.join(root, '16'), { recursive: true });
    expect(installedVersions(root)).toEqual(['17', '15']);
    expect(installedVersions(path.join(root, 'absent'))).toEqual([]);
  });
});
