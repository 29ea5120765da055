import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { type ServerProcess, startServerProcess } from '../../server/src/test/server-process';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'Kechuang@2026';
const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../.tmp/screenshots');

export interface Harness {
  server: ServerProcess;
  browser: Browser;
  /** The embedded database's folder, kept across restarts. */
  dataDir: string;
  /** Stops the app, runs `between` on the stopped data folder, and starts it again on a new port. */
  restartServer(between?: (dataDir: string) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** Starts the app on a fresh copy of the demo district's embedded database, serving the built web app. */
export async function startHarness(): Promise<Harness> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-noto-cjk`);
  }
  const webDist = path.resolve(import.meta.dirname, '../../web/dist');
  if (!fs.existsSync(path.join(webDist, 'index.html')))
    throw new Error('web/dist is missing: run npm run build -w web');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kechuang-e2e-'));
  // The demo district was loaded once for the run (demo-template.ts); this journey gets its own copy.
  fs.cpSync(inject('demoDataDir'), dataDir, { recursive: true });
  const serverEnv = { KECHUANG_DATA_DIR: dataDir, DATABASE_URL: '', KECHUANG_WEB_DIST: webDist };
  const server = await startServerProcess(serverEnv);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const harness: Harness = {
    server,
    browser,
    dataDir,
    restartServer: async (between) => {
      await harness.server.stop();
      await between?.(dataDir);
      harness.server = await startServerProcess(serverEnv);
    },
    close: async () => {
      await browser.close();
      await harness.server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Pages still open, with the API answers each received last: what a failed journey left behind. */
export const openPages = new Map<Page, string[]>();

export async function newPage(harness: Harness): Promise<Page> {
  const context = await harness.browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const answers: string[] = [];
  openPages.set(page, answers);
  page.on('close', () => openPages.delete(page));
  page.on('response', (response) => {
    const address = new URL(response.url());
    if (!address.pathname.startsWith('/api/')) return;
    answers.push(
      `${response.request().method()} ${address.pathname}${address.search} → ${response.status()}`,
    );
    if (answers.length > 30) answers.shift();
  });
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Signs a demo user in through the login page and waits to leave it. */
export async function logIn(
  harness: Harness,
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${harness.server.baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
