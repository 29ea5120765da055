import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/connection';
import { recordAudit } from '../audit';
import { systemContext } from '../context';
import { readDistrictSettings } from '../settings';
import { BACKUP_FORMAT, type BackupHeader, type BackupManifest, BackupWriter } from './backup-file';
import { listTables, readSchemaVersion } from './catalogue';

const PAGE_ROWS = 500;

export interface BackupResult {
  file: string;
  bytes: number;
  header: BackupHeader;
  manifest: BackupManifest;
}

/**
 * Writes every table of the database, attachments included (they live in their rows), into one
 * backup file in `directory`, read in one repeatable-read snapshot so the tables agree with each
 * other. A `.sha256` file beside it holds the whole file's checksum.
 */
export async function writeBackup(
  db: Database,
  options: { directory: string; kind?: 'pglite' | 'postgres'; now?: Date },
): Promise<BackupResult> {
  fs.mkdirSync(options.directory, { recursive: true });
  const now = options.now ?? new Date();
  const district = await readDistrictSettings(db);
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const file = path.join(options.directory, `kechuang-${district.regionCode}-${stamp}.kcbak`);
  const writer = new BackupWriter(file);
  try {
    const header = await db.transaction(
      async (tx) => {
        const written: BackupHeader = {
          kechuang: 'backup',
          format: BACKUP_FORMAT,
          createdAt: now.toISOString(),
          schemaVersion: await readSchemaVersion(tx),
          district: { name: district.name, regionCode: district.regionCode },
          database: options.kind ?? 'unknown',
        };
        await writer.line(JSON.stringify(written));
        for (const table of await listTables(tx)) {
          await writer.startTable(table.name, table.columns);
          const columnList = table.columns.map((column) => `"${column}"`).join(', ');
          for (let offset = 0; ; offset += PAGE_ROWS) {
            const rows = await queryRows<{ line: string }>(
              tx,
              sql.raw(
                `select row_to_json(t)::text as line from (select ${columnList} from "${table.name}" order by ctid limit ${PAGE_ROWS} offset ${offset}) t`,
              ),
            );
            for (const row of rows) await writer.row(row.line);
            if (rows.length < PAGE_ROWS) break;
          }
        }
        return written;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const manifest = await writer.finish();
    const bytes = fs.statSync(file).size;
    const digest = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    fs.writeFileSync(`${file}.sha256`, `${digest}  ${path.basename(file)}\n`);
    await recordAudit(db, systemContext, {
      event: 'system.backup',
      objectType: 'backup',
      objectId: path.basename(file),
      after: {
        bytes,
        tables: manifest.tables.length,
        rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
      },
    });
    return { file, bytes, header, manifest };
  } catch (error) {
    writer.abandon();
    throw error;
  }
}
