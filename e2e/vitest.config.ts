import { defineConfig } from 'vitest/config';

const jsonReport = process.env.E2E_JSON ? `../${process.env.E2E_JSON}` : undefined;

/** Browser journeys: one app process with the demo district, Debian's Chromium driven by playwright-core. */
export default defineConfig({
  test: {
    include: ['src/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    globalSetup: ['src/demo-template.ts'],
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
  },
});
