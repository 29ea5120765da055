import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupFileError, restoreBackup, verifyBackupFile, writeBackup } from '../core/backup';
import { systemContext } from '../core/context';
import { storeFile } from '../core/files';
import { DEFAULT_DISTRICT_SETTINGS } from '../core/settings';
import { queryRows } from '../db/connection';
import { settings, storedFiles } from '../db/schema';
import { buildEnterprise, logIn } from './factories';
import { createTestApp, type TestApp } from './test-app';

/** Rows per table, for comparing a database with its restored copy. */
async function countRows(test: TestApp): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    test.db,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ total: number }>(
      test.db,
      sql.raw(`select count(*)::int as total from "${name}"`),
    );
    counts[name] = row.total;
  }
  return counts;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

let source: TestApp;
let directory: string;
let backupFile: string;

beforeAll(async () => {
  source = await createTestApp();
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kechuang-backup-'));
  await source.db.insert(settings).values({
    key: 'district',
    value: { ...DEFAULT_DISTRICT_SETTINGS, name: '任城区', cityName: '济宁市', regionCode: '370811' },
  });
  for (let index = 0; index < 3; index++) await buildEnterprise(source.app);
  await source.db.transaction((tx) =>
    storeFile(tx, systemContext, {
      buffer: PDF,
      fileName: '合同.pdf',
      purpose: 'test',
      ownerEnterpriseId: null,
    }),
  );
  backupFile = (await writeBackup(source.db, { directory, kind: source.kind })).file;
});

afterAll(async () => {
  await source.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores every row, attachment bytes included, into an empty database that then serves sign-ins', async () => {
    const target = await createTestApp();
    try {
      const result = await restoreBackup(target.db, { file: backupFile });
      const before = await countRows(source);
      const after = await countRows(target);
      // The source has one audit row more: the backup itself, written after its snapshot; the target one
      // more: the restore.
      expect({ ...after, audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
      expect(after.audit_log).toBe(before.audit_log);
      expect(result.auditRowsVerified).toBe(before.audit_log - 1);
      const [file] = await target.db.select().from(storedFiles).where(eq(storedFiles.fileName, '合同.pdf'));
      const [blob] = await queryRows<{ bytes: Buffer | Uint8Array }>(
        target.db,
        sql`select bytes from file_blobs where sha256 = ${file.sha256}`,
      );
      expect(Buffer.from(blob.bytes).equals(PDF)).toBe(true);
      // Sequences continue past the restored ids: a new registration and a sign-in work.
      const enterprise = await buildEnterprise(target.app);
      expect(enterprise.enterpriseId).toBeGreaterThan(3);
      const [user] = await queryRows<{ username: string }>(
        target.db,
        sql`select username from users where role = 'enterprise' order by id limit 1`,
      );
      expect((await logIn(target.app, user.username)).cookie).toMatch(/^kc_session=/);
    } finally {
      await target.close();
    }
  });

  it('refuses a non-empty target unless forced, and then replaces what was there', async () => {
    const target = await createTestApp();
    try {
      await buildEnterprise(target.app);
      await expect(restoreBackup(target.db, { file: backupFile })).rejects.toThrow(/已有 1 个账号.*--force/);
      await restoreBackup(target.db, { file: backupFile, force: true });
      expect((await countRows(target)).enterprises).toBe(3);
    } finally {
      await target.close();
    }
  });

  it('refuses a truncated file, a changed row, a newer schema and another district, changing nothing', async () => {
    const target = await createTestApp();
    try {
      const whole = fs.readFileSync(backupFile);
      const cut = path.join(directory, 'cut.kcbak');
      fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
      await expect(verifyBackupFile(cut)).rejects.toThrow(/损坏或不完整/);
      // Whole lines dropped off the end (a clean gzip, but no manifest): still refused.
      const lines = zlib.gunzipSync(whole).toString('utf8').trimEnd().split('\n');
      const rewrite = (name: string, content: string[]) => {
        const file = path.join(directory, name);
        fs.writeFileSync(file, zlib.gzipSync(`${content.join('\n')}\n`));
        return file;
      };
      await expect(verifyBackupFile(rewrite('no-manifest.kcbak', lines.slice(0, -1)))).rejects.toThrow(
        /缺少末尾的清单/,
      );
      const tampered = lines.map((line) => line.replace(/"name":"([^"]*有限公司)"/, '"name":"$1（改）"'));
      expect(tampered).not.toEqual(lines);
      await expect(verifyBackupFile(rewrite('tampered.kcbak', tampered))).rejects.toThrow(/校验和不符/);
      // The sidecar checksum catches a file changed as a whole.
      const copy = path.join(directory, 'copy.kcbak');
      fs.writeFileSync(copy, zlib.gzipSync(`${tampered.join('\n')}\n`));
      fs.copyFileSync(`${backupFile}.sha256`, `${copy}.sha256`);
      await expect(verifyBackupFile(copy)).rejects.toThrow(/备份文件校验和不符/);
      const header = JSON.parse(lines[0]);
      const newer = [
        JSON.stringify({ ...header, schemaVersion: header.schemaVersion + 1 }),
        ...lines.slice(1),
      ];
      // The manifest covers the header too, so rebuild it as a newer installation would have written it.
      const newerFile = await rewriteWithManifest(directory, 'newer.kcbak', newer);
      await expect(restoreBackup(target.db, { file: newerFile })).rejects.toThrow(/更新版本/);
      await target.db.insert(settings).values({
        key: 'district',
        value: { ...DEFAULT_DISTRICT_SETTINGS, name: '兖州区', cityName: '济宁市', regionCode: '370812' },
      });
      await expect(restoreBackup(target.db, { file: backupFile })).rejects.toThrow(
        /另一区县（任城区，370811）/,
      );
      expect((await countRows(target)).enterprises).toBe(0);
      await expect(
        restoreBackup(target.db, { file: path.join(directory, 'none.kcbak') }),
      ).rejects.toBeInstanceOf(BackupFileError);
    } finally {
      await target.close();
    }
  });
});

/** Writes lines as a backup file with a manifest that fits them (as another installation would). */
async function rewriteWithManifest(directory: string, name: string, lines: string[]): Promise<string> {
  const crypto = await import('node:crypto');
  const body = lines.filter((line) => !line.startsWith('{"manifest":'));
  const original = JSON.parse(lines.find((line) => line.startsWith('{"manifest":')) ?? '{}').manifest;
  const sha256 = crypto
    .createHash('sha256')
    .update(body.map((line) => `${line}\n`).join(''))
    .digest('hex');
  const file = path.join(directory, name);
  fs.writeFileSync(
    file,
    zlib.gzipSync(`${[...body, JSON.stringify({ manifest: { ...original, sha256 } })].join('\n')}\n`),
  );
  return file;
}
