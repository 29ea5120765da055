import crypto from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';

/**
 * A backup is one gzip file of JSON lines, the same for the embedded database and PostgreSQL (so
 * either can be restored into the other):
 *
 *   {"kechuang":"backup","format":1,...}        the header: when, which schema version, which district
 *   {"table":"enterprises","columns":[...]}     a table, followed by one line per row (row_to_json)
 *   {...row...}
 *   {"manifest":{"tables":[{name,rows,sha256}],"sha256":"…"}}   rows and checksum per table, and of
 *                                                               every line before the manifest
 *
 * The manifest comes last, so a file cut short has none and is refused as truncated.
 */
export const BACKUP_FORMAT = 1;

export interface BackupHeader {
  kechuang: 'backup';
  format: number;
  createdAt: string;
  /** The newest migration the rows fit (its timestamp in the migration journal). */
  schemaVersion: number;
  district: { name: string; regionCode: string };
  database: 'pglite' | 'postgres' | 'unknown';
}

export interface TableManifest {
  name: string;
  rows: number;
  sha256: string;
}

export interface BackupManifest {
  tables: TableManifest[];
  sha256: string;
}

/** Writes lines into a gzip file, keeping the checksums the manifest needs. */
export class BackupWriter {
  private readonly gzip = zlib.createGzip();
  private readonly output: fs.WriteStream;
  private readonly whole = crypto.createHash('sha256');
  private readonly tables: TableManifest[] = [];
  private table: { name: string; rows: number; hash: crypto.Hash } | null = null;

  constructor(readonly file: string) {
    this.output = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
    this.gzip.pipe(this.output);
  }

  async line(text: string): Promise<void> {
    this.whole.update(`${text}\n`);
    if (!this.gzip.write(`${text}\n`)) await new Promise((resolve) => this.gzip.once('drain', resolve));
  }

  async startTable(name: string, columns: string[]): Promise<void> {
    this.closeTable();
    this.table = { name, rows: 0, hash: crypto.createHash('sha256') };
    await this.line(JSON.stringify({ table: name, columns }));
  }

  async row(json: string): Promise<void> {
    if (!this.table) throw new Error('a row outside a table');
    this.table.rows += 1;
    this.table.hash.update(`${json}\n`);
    await this.line(json);
  }

  private closeTable(): void {
    if (!this.table) return;
    this.tables.push({ name: this.table.name, rows: this.table.rows, sha256: this.table.hash.digest('hex') });
    this.table = null;
  }

  async finish(): Promise<BackupManifest> {
    this.closeTable();
    const manifest: BackupManifest = { tables: this.tables, sha256: this.whole.digest('hex') };
    this.gzip.end(`${JSON.stringify({ manifest })}\n`);
    await new Promise<void>((resolve, reject) => {
      this.output.on('finish', resolve);
      this.output.on('error', reject);
    });
    return manifest;
  }

  /** Removes a file left half-written by a failed backup. */
  abandon(): void {
    this.gzip.destroy();
    this.output.destroy();
    fs.rmSync(this.file, { force: true });
  }
}

/** What a backup file's lines are, one by one; a file that is not a backup throws a `BackupFileError`. */
export type BackupLine =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; name: string; columns: string[] }
  | { kind: 'row'; json: string }
  | { kind: 'manifest'; manifest: BackupManifest };

export class BackupFileError extends Error {}

export async function* readBackupLines(file: string): AsyncGenerator<BackupLine> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let isFirst = true;
  try {
    for await (const text of lines) {
      if (isFirst) {
        isFirst = false;
        const header = parseJson(text) as Partial<BackupHeader> | null;
        if (header?.kechuang !== 'backup')
          throw new BackupFileError('不是科创平台的备份文件 / not a Kechuang backup');
        yield { kind: 'header', header: header as BackupHeader };
        continue;
      }
      if (text.startsWith('{"table":')) {
        const table = parseJson(text) as { table: string; columns: string[] };
        yield { kind: 'table', name: table.table, columns: table.columns };
      } else if (text.startsWith('{"manifest":')) {
        yield { kind: 'manifest', manifest: (parseJson(text) as { manifest: BackupManifest }).manifest };
      } else {
        yield { kind: 'row', json: text };
      }
    }
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    // zlib reports a cut-off or damaged file as "unexpected end of file" or a header error.
    throw new BackupFileError(
      `备份文件已损坏或不完整 / the backup file is damaged or truncated (${(error as Error).message})`,
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BackupFileError('备份文件已损坏 / the backup file is damaged');
  }
}
