import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';

import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { fillOfficialCalendars } from '../core/calendar/official-calendar';
import { sealPlainPrincipalIds } from '../core/principal-id';
import * as schema from './schema';

// The types live apart so that what runs after migration (the official calendar) can use them.
import type { Database, Executor } from './types';

export type { Database, Executor, Transaction } from './types';

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tar, to start another database from (see `loadDataDir`). */
  dumpDataDir?(): Promise<Blob>;
}

const migrationsFolder = path.join(import.meta.dirname, 'migrations');

/**
 * Opens PostgreSQL when a URL is given, otherwise PGlite persisted in `dataDir` (or in memory for
 * `memory://`); a PGlite started with `loadDataDir` begins as a copy of that dumped data directory.
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
  loadDataDir?: Blob;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir ?? 'memory://', options.loadDataDir);
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<DatabaseHandle> {
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, loadDataDir });
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder });
      await fillOfficialCalendars(db);
      await sealPlainPrincipalIds(db);
    },
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir('none'),
  };
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.KECHUANG_DB_POOL ?? 10) });
  // A client whose server connection drops must not take the process down, idle or checked out (in a
  // transaction between two statements): its statement fails (answered 503), and the pool reconnects.
  pool.on('error', (error) => console.warn(`PostgreSQL idle client error: ${error.message}`));
  pool.on('connect', (client) => {
    client.on('error', (error) => console.warn(`PostgreSQL client error: ${error.message}`));
  });
  const db = drizzleNodePostgres(pool, { schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      // Several instances may start together: one migrates, the others wait on the lock.
      const lockClient = await pool.connect();
      try {
        await lockClient.query('select pg_advisory_lock(7300001)');
        await migrateNodePostgres(db as never, { migrationsFolder });
        // Under the same lock, so instances starting together fill the official calendar once.
        await fillOfficialCalendars(db);
        // Principal ID numbers written in clear before they were encrypted at rest are sealed once.
        await sealPlainPrincipalIds(db);
      } finally {
        await lockClient.query('select pg_advisory_unlock(7300001)').catch(() => undefined);
        lockClient.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Rows of a raw SQL statement; PGlite and node-postgres both answer with `{ rows }`. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
