import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app';
import { seedDemoDistrict } from './load-demo';

/**
 * Opens a test app with the demo district seeded before a file's tests and closes it after them.
 * The object is filled in by `beforeAll`, so tests read it inside their bodies.
 */
export function useDemoDistrict(): { test: TestApp } {
  const suite = {} as { test: TestApp };
  beforeAll(async () => {
    suite.test = await createTestApp();
    await seedDemoDistrict(suite.test.db);
  }, 120_000);
  afterAll(() => suite.test.close());
  return suite;
}
