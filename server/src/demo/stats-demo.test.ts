import { computeHighTechIndustryStatistics, monthlyOutputSchema } from '@kechuang/domain';
import { describe, expect, it } from 'vitest';
import { enterpriseMonthlyOutput } from '../db/schema';
import { logIn } from '../test/factories';
import { useDemoDistrict } from './demo-test-helpers';
import { DEMO_PASSWORD, DEMO_USERS } from './rencheng';

const suite = useDemoDistrict();

describe('the demo district’s high-tech industry statistics', () => {
  it('gives the seed’s 30.6 % and +42.5 % for 2021年1-6月份 through the API', async () => {
    const leader = DEMO_USERS.find((user) => user.role === 'leader');
    if (!leader) throw new Error('the demo has no leader');
    const session = await logIn(suite.test.app, leader.username, DEMO_PASSWORD);
    const response = await suite.test.app.inject({
      method: 'GET',
      url: '/api/stats/high-tech-industry?from=2021-01&to=2021-06',
      headers: { cookie: session.cookie },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.share).toBe(30.6);
    expect(body.growth).toBe(42.5);
    // Exactly, not only after rounding: 306/1000 and 57/40 of the sums in 分.
    expect(body.highTechOutputFen * 1000).toBe(body.aboveScaleOutputFen * 306);
    expect(body.highTechOutputFen * 40).toBe(body.previousHighTechOutputFen * 57);
    const entering = body.enterprises.filter(
      (item: { aboveScaleMonths: number; previousAboveScaleMonths: number }) =>
        item.aboveScaleMonths > 0 && item.previousAboveScaleMonths === 0,
    );
    expect(entering.length).toBeGreaterThan(0);
    expect(body.enterprises.length).toBeGreaterThan(20);
  });

  it('has monthly output 2020-01..2021-06 that passes the output schema', async () => {
    const rows = await suite.test.db.select().from(enterpriseMonthlyOutput);
    const periods = [...new Set(rows.map((row) => row.period))].sort();
    expect(periods[0]).toBe('2020-01');
    expect(periods.at(-1)).toBe('2021-06');
    expect(periods).toHaveLength(18);
    const failures = rows.filter(
      (row) =>
        !monthlyOutputSchema.safeParse({
          period: row.period,
          industrialOutputFen: row.industrialOutputFen,
          highTechOutputFen: row.highTechOutputFen,
          isAboveDesignatedSize: row.isAboveDesignatedSize,
        }).success,
    );
    expect(failures).toEqual([]);
    const statistics = computeHighTechIndustryStatistics({
      range: { from: '2021-01', to: '2021-06' },
      records: rows,
    });
    const largest = statistics.enterprises[0];
    // The balancing enterprise stays plausible: not more than a third of the district's high-tech output.
    expect(largest.highTechOutputFen * 3).toBeLessThan(statistics.highTechOutputFen);
  });
});
