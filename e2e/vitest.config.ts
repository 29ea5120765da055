import { defineConfig } from 'vitest/config';

const jsonReport = process.env.E2E_JSON ? `../${process.env.E2E_JSON}` : undefined;

/** Browser journeys: one app process with the demo district, Debian's Chromium driven by playwright-core. */
export default defineConfig({
  test: {
    include: ['src/**/*.e2e.ts'],
    // Budgets for a loaded machine: the longest journey takes ~70 s alone and over 120 s with the
    // CPU five times oversubscribed. A poll waits as long as a locator does (20 s), not vitest's 1 s.
    testTimeout: 300_000,
    hookTimeout: 180_000,
    expect: { poll: { timeout: 20_000, interval: 100 } },
    fileParallelism: false,
    globalSetup: ['src/demo-template.ts'],
    setupFiles: ['src/failure-capture.ts'],
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
  },
});
