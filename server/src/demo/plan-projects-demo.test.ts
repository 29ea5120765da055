import { describe, expect, it } from 'vitest';
import { logIn } from '../test/factories';
import { useDemoDistrict } from './demo-test-helpers';
import { DEMO_PASSWORD } from './rencheng';

const suite = useDemoDistrict();

describe('the demo district’s plan projects and funds', () => {
  it('matches the seed’s 2020 figures: 5263万元 in all, 1.39亿元 of loans to 18 enterprises', async () => {
    const staff = await logIn(suite.test.app, 'staff01', DEMO_PASSWORD);
    const totals = await suite.test.app.inject({
      method: 'GET',
      url: '/api/funds/yearly-totals',
      headers: { cookie: staff.cookie },
    });
    const year2020 = totals.json().items.find((item: { year: number }) => item.year === 2020);
    expect(year2020.totalFen).toBe(5263 * 1_000_000);
    expect(year2020.loanFen).toBe(13_900 * 1_000_000);
    expect(year2020.loanEnterpriseCount).toBe(18);
    expect(year2020.projectPaymentsFen).toBeGreaterThan(0);
  });

  it('has established projects 2019–2021 with contracts in force, and a 公示 running', async () => {
    const staff = await logIn(suite.test.app, 'staff01', DEMO_PASSWORD);
    const projects = (
      await suite.test.app.inject({
        method: 'GET',
        url: '/api/plan-projects?pageSize=100',
        headers: { cookie: staff.cookie },
      })
    ).json();
    // Every demo project is numbered in the district's one format; the funded ones have their contracts in force.
    const items: { projectNo: string; contractStatus: string | null }[] = projects.items;
    const numbers = items.map((item) => item.projectNo);
    expect(numbers.filter((number) => !/^JN-KJ-\d{4}-\d{3}$/.test(number))).toEqual([]);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const year of [2019, 2020, 2021]) expect(numbers).toContain(`JN-KJ-${year}-001`);
    const funded = items.filter((item) => item.contractStatus !== null);
    expect(funded).toHaveLength(18);
    expect(funded.every((item) => item.contractStatus === 'inForce')).toBe(true);
    const portal = (
      await suite.test.app.inject({ method: 'GET', url: '/api/public/publicity-notices' })
    ).json();
    expect(portal.items.filter((notice: { isCurrent: boolean }) => notice.isCurrent)).toHaveLength(1);
    const calls = (
      await suite.test.app.inject({
        method: 'GET',
        url: '/api/plan-approval/calls',
        headers: { cookie: staff.cookie },
      })
    ).json();
    expect(calls.items.some((call: { counts: Record<string, number> }) => call.counts.reviewed === 3)).toBe(
      true,
    );
  });
});
