import { defineConfig } from 'vitest/config';

// `npm test` runs the domain, web, tooling and server suites; the browser suite lives in e2e/ and runs after.
const jsonReport = process.env.VITEST_JSON;

export default defineConfig({
  test: {
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
    projects: [
      { test: { name: 'domain', include: ['domain/src/**/*.test.ts'], environment: 'node' } },
      // Web unit tests check manifests, menus and strings as plain data: no browser needed.
      { test: { name: 'web', include: ['web/src/**/*.test.{ts,tsx}'], environment: 'node' } },
      // The repository's own checks, such as the dependency rules that `npm run lint` enforces and the
      // steps that bring the browser and the database to a fresh machine.
      {
        test: {
          name: 'tooling',
          include: ['scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts'],
          // The registrations-only crash drill is about the embedded database (the mixed-writes drill runs on
          // both); two instances on one database and a database stopped under load need a PostgreSQL server.
          exclude: process.env.TEST_DATABASE_URL
            ? ['server/src/test/crash-safety.test.ts']
            : ['server/src/test/multi-instance.test.ts', 'server/src/test/database-restart.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // Migrates one template database per run; each file's database starts as a copy of it.
          globalSetup: ['server/src/test/database-template.ts'],
        },
      },
    ],
  },
});
