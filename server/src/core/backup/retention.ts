import fs from 'node:fs';
import path from 'node:path';

export interface BackupRetention {
  /** The newest backup of each of this many most recent days is kept. */
  daily: number;
  /** And the newest of each of this many most recent ISO weeks. */
  weekly: number;
}

export const DEFAULT_RETENTION: BackupRetention = { daily: 7, weekly: 4 };

export interface BackupFileInfo {
  file: string;
  name: string;
  bytes: number;
  /** From the name: `kechuang-<region>-<yyyymmddThhmmssZ>.kcbak`. */
  createdAt: Date;
}

const NAME = /^kechuang-\d{6}-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.kcbak$/;

/** The backup files of a directory, newest first. */
export function listBackupFiles(directory: string): BackupFileInfo[] {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory)
    .flatMap((name) => {
      const match = NAME.exec(name);
      if (!match) return [];
      const [, y, mo, d, h, mi, s] = match;
      const file = path.join(directory, name);
      return [
        {
          file,
          name,
          bytes: fs.statSync(file).size,
          createdAt: new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`),
        },
      ];
    })
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${week}`;
}

/**
 * Which backups to keep: the newest of each of the `daily` most recent days that have one, and the
 * newest of each of the `weekly` most recent weeks; the others go (with their `.sha256`).
 */
export function pruneBackups(directory: string, retention: BackupRetention = DEFAULT_RETENTION): string[] {
  const files = listBackupFiles(directory);
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const file of files) {
    const day = file.createdAt.toISOString().slice(0, 10);
    const week = isoWeek(file.createdAt);
    if (!days.has(day) && days.size < retention.daily) {
      days.add(day);
      keep.add(file.name);
    }
    if (!weeks.has(week) && weeks.size < retention.weekly) {
      weeks.add(week);
      keep.add(file.name);
    }
  }
  const removed = files.filter((file) => !keep.has(file.name));
  for (const file of removed) {
    fs.rmSync(file.file, { force: true });
    fs.rmSync(`${file.file}.sha256`, { force: true });
  }
  return removed.map((file) => file.name);
}
