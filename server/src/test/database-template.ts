import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/connection';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tar of a migrated PGlite data directory: each test file's database starts from it. */
    pgliteTemplate?: string;
    /** A migrated PostgreSQL database each test file's database is created from. */
    postgresTemplate?: string;
  }
}

/**
 * Migrates one database per test run, before any test file starts, so that a file's fresh database
 * is a copy rather than an initdb plus every migration: with dozens of files that is most of the
 * server suite's set-up time. Vitest runs this once (globalSetup) and the returned function at the end.
 */
export default async function prepareDatabaseTemplate(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const serverUrl = process.env.TEST_DATABASE_URL;
  const teardown = await (serverUrl
    ? preparePostgresTemplate(project, serverUrl)
    : preparePgliteTemplate(project));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`database template (${serverUrl ? 'PostgreSQL' : 'PGlite'}) migrated in ${seconds} s`);
  return teardown;
}

async function preparePgliteTemplate(project: TestProject): Promise<() => Promise<void>> {
  const handle = await openDatabase({ dataDir: 'memory://' });
  await handle.migrate();
  if (!handle.dumpDataDir) throw new Error('PGlite handle without dumpDataDir');
  const archive = await handle.dumpDataDir();
  await handle.close();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kechuang-test-template-'));
  const file = path.join(folder, 'pglite-data.tar');
  fs.writeFileSync(file, Buffer.from(await archive.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return async () => fs.rmSync(folder, { recursive: true, force: true });
}

async function preparePostgresTemplate(
  project: TestProject,
  serverUrl: string,
): Promise<() => Promise<void>> {
  // One name per run: runs side by side on one server (several checkouts) never share a template.
  const name = `kechuang_template_${process.pid}`;
  await administer(serverUrl, [`drop database if exists ${name} with (force)`, `create database ${name}`]);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  await handle.migrate();
  // CREATE DATABASE … TEMPLATE refuses a template that anyone is still connected to.
  await handle.close();
  project.provide('postgresTemplate', name);
  return () => administer(serverUrl, [`drop database if exists ${name} with (force)`]);
}

async function administer(serverUrl: string, statements: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (const statement of statements) await admin.query(statement);
  } finally {
    await admin.end();
  }
}
