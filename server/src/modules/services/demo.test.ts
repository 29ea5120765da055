import type { IndicatorFigure } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { serviceProblems } from '../../db/schema';
import { useDemoDistrict } from '../../demo/demo-test-helpers';
import { buildSession } from '../../test/factories';
import { requestAs } from '../../test/test-app';

const suite = useDemoDistrict();

async function values(period: string, keys: string[]) {
  const leader = await buildSession(suite.test.app, suite.test.db, 'leader');
  const response = await requestAs(
    suite.test.app,
    leader,
    'GET',
    `/api/dashboard/figures?period=${period}&keys=${keys.join(',')}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return Object.fromEntries(
    (response.json() as IndicatorFigure[]).map((figure) => [figure.key, figure.value]),
  );
}

describe('the demo district’s 科技服务', () => {
  it('held 专题培训班 6 期 and 答疑活动 5 次 in 2020, 5 and 3 in 2021 H1: 11 and 8 since 2020', async () => {
    expect(await values('2020', ['services.trainings', 'services.qa-sessions'])).toEqual({
      'services.trainings': 6,
      'services.qa-sessions': 5,
    });
    expect(await values('2021-H1', ['services.trainings', 'services.qa-sessions'])).toEqual({
      'services.trainings': 5,
      'services.qa-sessions': 3,
    });
    expect(await values('2021-YTD', ['services.trainings-total', 'services.qa-sessions-total'])).toEqual({
      'services.trainings-total': 11,
      'services.qa-sessions-total': 8,
    });
  });

  it('visited 60 余家 enterprises, platforms and institutes in the 2021 大调研, with problems in every state', async () => {
    const figures = await values('2021-H1', [
      'services.visited',
      'services.problems-found',
      'services.problems-closed',
      'services.closing-rate',
    ]);
    expect(figures['services.visited']).toBeGreaterThanOrEqual(60);
    expect(figures['services.visited']).toBeLessThan(70);
    expect(figures['services.problems-found']).toBeGreaterThan(20);
    expect(figures['services.closing-rate']).toBe(
      Math.round(
        (Number(figures['services.problems-closed']) / Number(figures['services.problems-found'])) * 1000,
      ) / 10,
    );
    const states = await suite.test.db
      .select({
        closedOnTime: sql<number>`count(*) filter (where ${serviceProblems.closedOn} <= ${serviceProblems.dueOn})::int`,
        closedLate: sql<number>`count(*) filter (where ${serviceProblems.closedOn} > ${serviceProblems.dueOn})::int`,
        overdue: sql<number>`count(*) filter (where ${serviceProblems.closedOn} is null and ${serviceProblems.status} = 'assigned')::int`,
        reopened: sql<number>`count(*) filter (where ${serviceProblems.reopenCount} > 0)::int`,
        extended: sql<number>`count(*) filter (where ${serviceProblems.extensionDays} > 0)::int`,
      })
      .from(serviceProblems);
    for (const count of Object.values(states[0])) expect(count).toBeGreaterThan(0);
  });

  it('has questions on the online 答疑 board, three published on the portal without who asked', async () => {
    const faq = await suite.test.app.inject({ method: 'GET', url: '/api/public/faq' });
    expect(faq.statusCode).toBe(200);
    expect(faq.json().total).toBe(3);
    expect(faq.body).not.toContain('有限公司');
    const leader = await buildSession(suite.test.app, suite.test.db, 'leader');
    const statistics = (
      await requestAs(suite.test.app, leader, 'GET', '/api/services/statistics?year=2021')
    ).json();
    expect(statistics.questions).toMatchObject({ asked: 6, answered: 4, published: 3 });
  });
});
