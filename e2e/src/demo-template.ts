import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServerProcess } from '../../server/src/test/server-process';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An embedded database folder with the demo district loaded: each journey's app starts on a copy. */
    demoDataDir: string;
  }
}

/**
 * Loads the demo district once per run (vitest globalSetup): the app is started on an empty folder,
 * loads the demo and runs the day's jobs, and is stopped cleanly; every browser journey then starts
 * its own app on a copy of the folder instead of loading the demo again.
 */
export default async function prepareDemoTemplate(project: TestProject): Promise<() => void> {
  const started = performance.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kechuang-e2e-demo-'));
  // Loading the whole demo district once may take minutes on a shared, loaded machine.
  const server = await startServerProcess({ KECHUANG_DATA_DIR: dataDir, DATABASE_URL: '' }, [], 420_000);
  await server.stop();
  console.log(
    `demo district loaded once for the browser suite in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  project.provide('demoDataDir', dataDir);
  return () => fs.rmSync(dataDir, { recursive: true, force: true });
}
