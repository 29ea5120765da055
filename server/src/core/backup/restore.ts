import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { type Database, type Executor, queryRows } from '../../db/connection';
import { settings, users } from '../../db/schema';
import { recordAudit, verifyAuditChain } from '../audit';
import { systemContext } from '../context';
import { DISTRICT_SETTINGS_KEY } from '../settings';
import {
  BACKUP_FORMAT,
  BackupFileError,
  type BackupHeader,
  type BackupManifest,
  readBackupLines,
} from './backup-file';
import { listTables, readSchemaVersion, resetSequences } from './catalogue';

const BATCH_ROWS = 500;

export interface RestoreResult {
  header: BackupHeader;
  tables: number;
  rows: number;
  auditRowsVerified: number;
}

/** Reads the whole file once before anything is written: checksums, counts, the manifest at the end. */
export async function verifyBackupFile(
  file: string,
): Promise<{ header: BackupHeader; manifest: BackupManifest }> {
  if (!fs.existsSync(file)) throw new BackupFileError(`找不到备份文件 ${file} / no such file`);
  const sidecar = `${file}.sha256`;
  if (fs.existsSync(sidecar)) {
    const expected = fs.readFileSync(sidecar, 'utf8').split(/\s+/)[0];
    const actual = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    if (expected !== actual)
      throw new BackupFileError(
        `备份文件校验和不符（应为 ${expected.slice(0, 12)}…，实为 ${actual.slice(0, 12)}…）/ checksum mismatch`,
      );
  }
  let header: BackupHeader | null = null;
  let manifest: BackupManifest | null = null;
  const whole = crypto.createHash('sha256');
  const seen: { name: string; rows: number; hash: crypto.Hash }[] = [];
  for await (const line of readBackupLines(file)) {
    if (manifest) throw new BackupFileError('备份文件在清单之后还有内容 / content after the manifest');
    if (line.kind === 'header') {
      header = line.header;
      whole.update(`${JSON.stringify(line.header)}\n`);
    } else if (line.kind === 'table') {
      seen.push({ name: line.name, rows: 0, hash: crypto.createHash('sha256') });
      whole.update(`${JSON.stringify({ table: line.name, columns: line.columns })}\n`);
    } else if (line.kind === 'row') {
      const table = seen.at(-1);
      if (!table) throw new BackupFileError('备份文件已损坏 / the backup file is damaged');
      table.rows += 1;
      table.hash.update(`${line.json}\n`);
      whole.update(`${line.json}\n`);
    } else {
      manifest = line.manifest;
    }
  }
  if (!header) throw new BackupFileError('备份文件为空 / the backup file is empty');
  if (!manifest) throw new BackupFileError('备份文件不完整：缺少末尾的清单 / the backup file is truncated');
  if (header.format !== BACKUP_FORMAT)
    throw new BackupFileError(`备份文件格式 ${header.format} 不受支持 / unsupported format`);
  if (whole.digest('hex') !== manifest.sha256)
    throw new BackupFileError('备份文件内容与清单校验和不符 / the content does not match its manifest');
  for (const [index, table] of seen.entries()) {
    const listed = manifest.tables[index];
    const digest = table.hash.digest('hex');
    if (!listed || listed.name !== table.name || listed.rows !== table.rows || listed.sha256 !== digest)
      throw new BackupFileError(
        `数据表 ${table.name} 与清单不符 / table ${table.name} does not match the manifest`,
      );
  }
  return { header, manifest };
}

/**
 * Restores a backup into a migrated database in one transaction: the file is checked in full first,
 * then its schema version and district are compared with the target's, and a target that already
 * has accounts is refused unless `force` is given. Afterwards the audit chain is verified.
 */
export async function restoreBackup(
  db: Database,
  options: { file: string; force?: boolean },
): Promise<RestoreResult> {
  const { header } = await verifyBackupFile(options.file);
  const targetVersion = await readSchemaVersion(db);
  if (header.schemaVersion > targetVersion)
    throw new BackupFileError(
      '备份来自更新版本的科创平台，请先升级本系统再恢复 / the backup comes from a newer version: upgrade first',
    );
  if (header.schemaVersion < targetVersion)
    throw new BackupFileError(
      '备份来自较早版本的科创平台：请用生成它的版本恢复后再升级 / the backup comes from an older version: restore it with that version, then upgrade',
    );
  const [district] = await db.select().from(settings).where(eq(settings.key, DISTRICT_SETTINGS_KEY));
  const targetCode = (district?.value as { regionCode?: string } | undefined)?.regionCode;
  if (targetCode && targetCode !== header.district.regionCode)
    throw new BackupFileError(
      `备份来自另一区县（${header.district.name}，${header.district.regionCode}），与本系统（${targetCode}）不符 / the backup belongs to another district`,
    );
  const [{ accounts }] = await db.select({ accounts: count() }).from(users);
  if (accounts > 0 && !options.force)
    throw new BackupFileError(
      `目标数据库已有 ${accounts} 个账号；确需覆盖请加 --force / the target database is not empty: add --force to overwrite it`,
    );

  let rows = 0;
  let tables = 0;
  await db.transaction(async (tx) => {
    const known = new Map((await listTables(tx)).map((table) => [table.name, table]));
    await emptyTables(tx, [...known.keys()]);
    let current: { name: string; columns: string[] } | null = null;
    let batch: string[] = [];
    const flush = async () => {
      if (!current || batch.length === 0) return;
      const columnList = current.columns.map((column) => `"${column}"`).join(', ');
      await tx.execute(
        sql`${sql.raw(`insert into "${current.name}" (${columnList}) overriding system value select ${columnList} from json_populate_recordset(null::"${current.name}", `)}${`[${batch.join(',')}]`}${sql.raw('::json)')}`,
      );
      rows += batch.length;
      batch = [];
    };
    for await (const line of readBackupLines(options.file)) {
      if (line.kind === 'table') {
        await flush();
        const target = known.get(line.name);
        if (!target) throw new BackupFileError(`本系统没有数据表 ${line.name} / no table ${line.name} here`);
        const missing = line.columns.filter((column) => !target.columns.includes(column));
        if (missing.length > 0)
          throw new BackupFileError(`数据表 ${line.name} 缺少列 ${missing.join('、')} / columns missing`);
        current = { name: line.name, columns: line.columns };
        tables += 1;
      } else if (line.kind === 'row') {
        batch.push(line.json);
        if (batch.length >= BATCH_ROWS) await flush();
      }
    }
    await flush();
    await resetSequences(tx);
  });
  const verification = await verifyAuditChain(db);
  if (!verification.isIntact)
    throw new BackupFileError(
      `恢复后审计日志校验失败：第 ${verification.firstBrokenId} 条（${verification.problem}） / the audit chain does not verify`,
    );
  await recordAudit(db, systemContext, {
    event: 'system.restore',
    objectType: 'backup',
    objectId: path.basename(options.file),
    after: { tables, rows, createdAt: header.createdAt },
  });
  return { header, tables, rows, auditRowsVerified: verification.checked };
}

/** Empties every table; the append-only audit trail only when it has rows, with its guard lifted for that statement. */
async function emptyTables(executor: Executor, names: string[]): Promise<void> {
  const others = names.filter((name) => name !== 'audit_log');
  if (others.length > 0)
    await executor.execute(
      sql.raw(`truncate ${others.map((name) => `"${name}"`).join(', ')} restart identity cascade`),
    );
  const [{ total }] = await queryRows<{ total: number }>(
    executor,
    sql`select count(*)::int as total from audit_log`,
  );
  if (total === 0) return;
  await executor.execute(sql`alter table audit_log disable trigger audit_log_no_truncate`);
  await executor.execute(sql`truncate audit_log restart identity`);
  await executor.execute(sql`alter table audit_log enable trigger audit_log_no_truncate`);
}
