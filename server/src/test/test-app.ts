import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Role } from '@kechuang/domain';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { type App, type BuildAppOptions, buildApp, type RegisteredRoute } from '../app';
import { type Database, openDatabase } from '../db/connection';
import { buildSession, type Session } from './factories';

export interface TestApp {
  app: App;
  db: Database;
  routes: RegisteredRoute[];
  kind: 'pglite' | 'postgres';
  databaseUrl: string | null;
  close(): Promise<void>;
}

/**
 * A fresh database per test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (dropped again on close). `template` copies an
 * already migrated PostgreSQL database instead of starting empty.
 */
export async function createTestDatabase(
  options: { template?: string } = {},
): Promise<{ url: string | null; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { url: null, drop: async () => undefined };
  const name = `kechuang_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(
    options.template ? `create database ${name} template ${options.template}` : `create database ${name}`,
  );
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * An app on a fresh, migrated database. The server project's globalSetup (database-template.ts)
 * migrates one template per run and each file starts from a copy of it; without one (a file run
 * under another config) the database is migrated here.
 */
export async function createTestApp(
  options: Pick<BuildAppOptions, 'modules' | 'loadShedding'> = {},
): Promise<TestApp> {
  const postgresTemplate = inject('postgresTemplate');
  const pgliteTemplate = inject('pgliteTemplate');
  const database = await createTestDatabase({ template: postgresTemplate });
  const handle = await openDatabase({
    databaseUrl: database.url ?? undefined,
    dataDir: 'memory://',
    loadDataDir: pgliteTemplate ? new Blob([fs.readFileSync(pgliteTemplate)]) : undefined,
  });
  if (!(database.url ? postgresTemplate : pgliteTemplate)) await handle.migrate();
  const { app, routes } = await buildApp({ db: handle.db, ...options });
  await app.ready();
  return {
    app,
    db: handle.db,
    routes,
    kind: handle.kind,
    databaseUrl: database.url,
    close: async () => {
      await app.close();
      await handle.close();
      await database.drop();
    },
  };
}

/**
 * Opens a test app before a file's tests and closes it after them, with one signed-in session per
 * named role. The object is filled in by `beforeAll`, so tests read it inside their bodies.
 */
export function useTestApp<const Roles extends Record<string, Role>>(
  roles: Roles,
): { test: TestApp } & Record<keyof Roles, Session> {
  const suite = {} as { test: TestApp } & Record<string, Session>;
  beforeAll(async () => {
    suite.test = await createTestApp();
    for (const [name, role] of Object.entries(roles)) {
      suite[name] = await buildSession(suite.test.app, suite.test.db, role);
    }
  });
  afterAll(() => suite.test.close());
  return suite as { test: TestApp } & Record<keyof Roles, Session>;
}

/** A request as a signed-in user, with a body when one is given. */
export function requestAs(
  app: App,
  session: Session,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) {
  return app.inject({ method, url, headers: { cookie: session.cookie }, ...(payload ? { payload } : {}) });
}
