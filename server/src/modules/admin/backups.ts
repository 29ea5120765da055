import path from 'node:path';
import type { BackupStatus } from '@kechuang/domain';
import { desc, eq } from 'drizzle-orm';
import { DEFAULT_RETENTION, listBackupFiles, pruneBackups, writeBackup } from '../../core/backup';
import type { DailyJob } from '../../core/module';
import type { Database } from '../../db/connection';
import { jobRuns } from '../../db/schema';

export const BACKUP_JOB = 'backup-daily';

/** Where scheduled backups go: `KECHUANG_BACKUP_DIR`; unset, there are none. */
export function backupDirectory(env = process.env): string | null {
  const directory = env.KECHUANG_BACKUP_DIR?.trim();
  return directory ? path.resolve(directory) : null;
}

/** The daily backup, then the retention: 7 daily and 4 weekly are kept. */
export const dailyBackupJob: DailyJob = {
  name: BACKUP_JOB,
  description: '每日备份（设置 KECHUANG_BACKUP_DIR 后执行，保留 7 日 4 周）',
  run: async (db, now) => {
    const directory = backupDirectory();
    if (!directory) return '未设置 KECHUANG_BACKUP_DIR，未做定时备份';
    const result = await writeBackup(db, { directory, now });
    const removed = pruneBackups(directory, DEFAULT_RETENTION);
    const rows = result.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    return `已备份 ${rows} 行（${(result.bytes / 1024 / 1024).toFixed(1)} MB）到 ${path.basename(result.file)}，按保留规则删除 ${removed.length} 份旧备份`;
  },
};

export async function readBackupStatus(db: Database): Promise<BackupStatus> {
  const directory = backupDirectory();
  const runs = await db
    .select()
    .from(jobRuns)
    .where(eq(jobRuns.job, BACKUP_JOB))
    .orderBy(desc(jobRuns.day))
    .limit(30);
  return {
    directory,
    retention: DEFAULT_RETENTION,
    files: directory
      ? listBackupFiles(directory).map((file) => ({
          name: file.name,
          bytes: file.bytes,
          createdAt: file.createdAt.toISOString(),
        }))
      : [],
    runs: runs.map((run) => ({
      day: run.day,
      instance: run.instance,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      outcome: run.outcome,
      isFailed: run.isFailed,
    })),
  };
}
