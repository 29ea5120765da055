import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planProjects } from '../../db/schema';
import { buildEnterprise, buildSession } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertPlanProject } from './supervision-fixtures';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
}, 60_000);
afterAll(() => test.close());

async function numberOf(projectId: number): Promise<string> {
  const [row] = await test.db
    .select({ projectNo: planProjects.projectNo })
    .from(planProjects)
    .where(eq(planProjects.id, projectId));
  return row.projectNo;
}

/** A project of its own enterprise (one application per enterprise and call). */
async function establish(startOn: string, categoryCode = 'key-rd'): Promise<number> {
  const { enterpriseId } = await buildEnterprise(test.app);
  return (await insertPlanProject(test.db, { enterpriseId, startOn, categoryCode })).projectId;
}

describe('项目编号', () => {
  it('numbers by default as JN-KJ-<year>-<nnn>, and the migration brings other numbers into that format', async () => {
    const first = await establish('2021-01-01');
    const second = await establish('2021-03-01');
    expect([await numberOf(first), await numberOf(second)]).toEqual(['JN-KJ-2021-001', 'JN-KJ-2021-002']);
    // Numbers given before the format was one district setting.
    const older = await establish('2021-05-01');
    const other = await establish('2020-05-01');
    await test.db.update(planProjects).set({ projectNo: 'RC2021-ZD-0042' }).where(eq(planProjects.id, older));
    await test.db.update(planProjects).set({ projectNo: 'RC2020-ZD-0007' }).where(eq(planProjects.id, other));
    const migration = await readFile(
      path.join(import.meta.dirname, '../../db/migrations/0009_project_numbers.sql'),
      'utf8',
    );
    await test.db.execute(sql.raw(migration));
    expect(await numberOf(older)).toBe('JN-KJ-2021-003');
    expect(await numberOf(other)).toBe('JN-KJ-2020-001');
    expect(await numberOf(first)).toBe('JN-KJ-2021-001');
  });

  it('numbers by the district’s pattern once it is changed, per year and category', async () => {
    const sysadmin = await buildSession(test.app, test.db, 'sysadmin');
    const current = (
      await test.app.inject({
        method: 'GET',
        url: '/api/admin/settings',
        headers: { cookie: sysadmin.cookie },
      })
    ).json();
    const saved = await test.app.inject({
      method: 'PUT',
      url: '/api/admin/settings',
      headers: { cookie: sysadmin.cookie },
      payload: {
        name: '任城区',
        cityName: '济宁市',
        regionCode: '370811',
        streets: ['古槐街道'],
        idleTimeoutMinutes: 30,
        auditRetentionDays: 184,
        projectNumberPattern: 'RC{year}-{category}-{seq:4}',
        version: Math.max(1, current.version),
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const keyRd = await establish('2021-06-01');
    const transfer = await establish('2021-06-01', 'transfer');
    const keyRdAgain = await establish('2021-07-01');
    expect([await numberOf(keyRd), await numberOf(transfer), await numberOf(keyRdAgain)]).toEqual([
      'RC2021-key-rd-0001',
      'RC2021-transfer-0001',
      'RC2021-key-rd-0002',
    ]);
  });
});
