import { isValidIdNumber } from '@kechuang/domain';
import { and, count, eq, sum } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPrincipalId } from '../core/principal-id';
import { planCalls, planCategories, projectApplications } from '../db/schema';
import { createTestApp, type TestApp } from '../test/test-app';
import { seedDemoDistrict } from './load-demo';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
  await seedDemoDistrict(test.db, { enterpriseCount: 200 });
}, 120_000);
afterAll(() => test.close());

describe('the demo district’s plan calls', () => {
  it('has the seed’s 2020 upstream grants: 15 key R&D (14 city, 1 provincial major), 3 city leading-talent projects', async () => {
    const rows = await test.db
      .select({
        code: planCategories.code,
        total: count(),
        granted: sum(projectApplications.upstreamGrantedFen),
      })
      .from(projectApplications)
      .innerJoin(planCalls, eq(planCalls.id, projectApplications.callId))
      .innerJoin(planCategories, eq(planCategories.id, planCalls.categoryId))
      .where(and(eq(projectApplications.year, 2020), eq(projectApplications.status, 'grantedUpstream')))
      .groupBy(planCategories.code);
    const byCode = Object.fromEntries(rows.map((row) => [row.code, Number(row.total)]));
    expect(byCode).toEqual({ 'city-key-rd': 14, 'province-major': 1, 'city-talent': 3 });
    expect(rows.every((row) => Number(row.granted) > 0)).toBe(true);
  });

  it('spreads applications over the states up to the recommendation tier, with valid unique numbers', async () => {
    const rows = await test.db.select().from(projectApplications);
    const states = new Set(rows.map((row) => row.status));
    for (const state of [
      'draft',
      'submitted',
      'returned',
      'checked',
      'rejected',
      'withdrawn',
      'recommended',
      'grantedUpstream',
      'notGrantedUpstream',
    ])
      expect(states).toContain(state);
    const numbers = rows.map((row) => row.applicationNo).filter(Boolean);
    expect(new Set(numbers).size).toBe(numbers.length);
    // Applications filed through calls (numbered KJ…) carry their principal's 身份证号; any number on file is valid.
    const filed = rows.filter((row) => row.applicationNo?.startsWith('KJ'));
    expect(filed.length).toBeGreaterThan(0);
    const numberOf = (row: (typeof rows)[number]) => openPrincipalId(row.principalIdNumberCipher);
    expect(filed.every((row) => row.principalIdNumberCipher?.startsWith('sm4:'))).toBe(true);
    expect(filed.every((row) => isValidIdNumber(numberOf(row) ?? ''))).toBe(true);
    expect(rows.every((row) => !numberOf(row) || isValidIdNumber(numberOf(row) ?? ''))).toBe(true);
    const open = await test.db.select().from(planCalls).where(eq(planCalls.status, 'published'));
    expect(open.some((call) => call.closesAt > new Date())).toBe(true);
  });
});
