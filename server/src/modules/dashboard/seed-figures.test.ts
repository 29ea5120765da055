import type { IndicatorFigure } from '@kechuang/domain';
import { describe, expect, it } from 'vitest';
import { buildIndicatorRegistry } from '../../core/indicators/registry';
import { useDemoDistrict } from '../../demo/demo-test-helpers';
import { buildSession, type Session } from '../../test/factories';
import { requestAs } from '../../test/test-app';
import { MODULES } from '../index';

const suite = useDemoDistrict();

async function figures(
  session: Session,
  period: string,
  keys: string[],
): Promise<Record<string, IndicatorFigure>> {
  const response = await requestAs(
    suite.test.app,
    session,
    'GET',
    `/api/dashboard/figures?period=${period}&keys=${keys.join(',')}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return Object.fromEntries((response.json() as IndicatorFigure[]).map((figure) => [figure.key, figure]));
}

describe('the seed’s figures, computed from the demo district’s records', () => {
  it('has every figure of 2020 and 2021 the bureau reported', async () => {
    const leader = await buildSession(suite.test.app, suite.test.db, 'leader');
    const of2020 = await figures(leader, '2020', [
      'cultivation.tech-sme-registered',
      'cultivation.hte-valid',
      'cultivation.hte-recognised',
      'cultivation.hte-new',
      'stats.rd-intensity',
      'plan-calls.key-rd-granted',
      'plan-calls.city-key-rd-granted',
      'plan-calls.province-major-granted',
      'plan-calls.city-talent-granted',
      'projects.funds-in-place',
      'projects.risk-loans',
      'projects.risk-loan-enterprises',
    ]);
    const values = Object.fromEntries(Object.entries(of2020).map(([key, figure]) => [key, figure.value]));
    expect(values).toEqual({
      'cultivation.tech-sme-registered': 68,
      'cultivation.hte-valid': 64,
      'cultivation.hte-recognised': 21,
      'cultivation.hte-new': 9,
      'stats.rd-intensity': 1.19,
      'plan-calls.key-rd-granted': 15,
      'plan-calls.city-key-rd-granted': 14,
      'plan-calls.province-major-granted': 1,
      'plan-calls.city-talent-granted': 3,
      'projects.funds-in-place': 5263,
      'projects.risk-loans': 1.39,
      'projects.risk-loan-enterprises': 18,
    });
    expect(of2020['projects.funds-in-place'].amountFen).toBe(5263 * 1_000_000);
    expect(of2020['stats.rd-intensity'].numerator?.value).toBe(8.01);
    expect(of2020['stats.rd-intensity'].denominator?.value).toBe(672.8);

    const of2021 = await figures(leader, '2021', [
      'cultivation.tech-sme-registered',
      'cultivation.hte-applicants',
    ]);
    expect(of2021['cultivation.tech-sme-registered'].value).toBe(92);
    expect(of2021['cultivation.hte-applicants'].value).toBe(67);
    expect(of2021['cultivation.tech-sme-registered'].target?.value).toBe(100);
    expect(of2021['cultivation.tech-sme-registered'].target?.progress).toBe(92);
    expect(of2021['cultivation.tech-sme-registered'].previous?.value).toBe(68);
    expect(of2021['cultivation.tech-sme-registered'].change).toBe(35.3);

    const firstHalf = await figures(leader, '2021-H1', ['stats.high-tech-share', 'stats.high-tech-growth']);
    expect(firstHalf['stats.high-tech-share'].value).toBe(30.6);
    expect(firstHalf['stats.high-tech-growth'].value).toBe(42.5);
    expect(firstHalf['stats.high-tech-share'].periodLabel.zh).toBe('2021年上半年');
  });

  it('has the seed’s innovation platforms: 81 at city level or above at the end of 2020, the new and upgraded', async () => {
    const leader = await buildSession(suite.test.app, suite.test.db, 'leader');
    const stockKeys = [
      'platforms.city-and-above',
      'platforms.national',
      'platforms.provincial',
      'platforms.city',
    ];
    const flowKeys = ['platforms.recognised', 'platforms.upgraded', 'platforms.ended'];
    const valuesOf = (of: Record<string, IndicatorFigure>) =>
      Object.fromEntries(Object.entries(of).map(([key, figure]) => [key, figure.value]));
    expect(valuesOf(await figures(leader, '2020', [...stockKeys, ...flowKeys]))).toEqual({
      'platforms.city-and-above': 81,
      'platforms.national': 2,
      'platforms.provincial': 16,
      'platforms.city': 63,
      'platforms.recognised': 11,
      'platforms.upgraded': 2,
      'platforms.ended': 1,
    });
    const breakdown = await requestAs(
      suite.test.app,
      leader,
      'GET',
      '/api/dashboard/indicators/platforms.recognised/breakdown?period=2020&by=category',
    );
    expect(breakdown.statusCode, breakdown.body).toBe(200);
    const byType = Object.fromEntries(
      (breakdown.json().rows as { group: string; count: number }[]).map((row) => [row.group, row.count]),
    );
    expect(byType).toEqual({
      众创空间: 2,
      新型研发机构: 1,
      创新创业共同体: 3,
      重点实验室: 1,
      技术创新中心: 3,
      人才飞地: 1,
    });
    const statistics = await requestAs(suite.test.app, leader, 'GET', '/api/platforms/statistics?year=2020');
    expect(statistics.statusCode, statistics.body).toBe(200);
    expect(statistics.json().total).toMatchObject({
      inForce: { national: 2, provincial: 16, city: 63, district: 9 },
      recognised: { national: 1, provincial: 2, city: 8, district: 0 },
      upgraded: 2,
      ended: 1,
    });
    const coverage = await requestAs(suite.test.app, leader, 'GET', '/api/platforms/coverage?year=2020');
    const { aboveScale, covered } = coverage.json() as { aboveScale: number; covered: number };
    expect(aboveScale).toBeGreaterThan(0);
    expect(covered).toBeGreaterThan(0);
    const coverageFigures = await figures(leader, '2020', [
      'platforms.above-scale-enterprises',
      'platforms.above-scale-with-rd-institution',
      'platforms.rd-institution-coverage',
    ]);
    expect(coverageFigures['platforms.above-scale-enterprises'].value).toBe(aboveScale);
    expect(coverageFigures['platforms.above-scale-with-rd-institution'].value).toBe(covered);
    expect(coverageFigures['platforms.rd-institution-coverage'].value).toBe(
      Math.round((covered / aboveScale) * 1000) / 10,
    );
    expect(valuesOf(await figures(leader, '2021', [...stockKeys, ...flowKeys]))).toEqual({
      'platforms.city-and-above': 85,
      'platforms.national': 3,
      'platforms.provincial': 19,
      'platforms.city': 63,
      'platforms.recognised': 4,
      'platforms.upgraded': 1,
      'platforms.ended': 0,
    });
  });

  it('lists for every record figure of 2020 exactly the records it counts or sums', async () => {
    const staff = await buildSession(suite.test.app, suite.test.db, 'staff');
    const registry = buildIndicatorRegistry(MODULES);
    for (const indicator of registry.values()) {
      if (indicator.kind !== 'count' && indicator.kind !== 'distinct' && indicator.kind !== 'sum') continue;
      const base = `/api/dashboard/indicators/${indicator.key}/records?period=2020`;
      const first = await requestAs(suite.test.app, staff, 'GET', `${base}&pageSize=200`);
      expect(first.statusCode, `${indicator.key}: ${first.body}`).toBe(200);
      const page = first.json();
      const records = [...page.items];
      for (let number = 2; records.length < page.total; number++) {
        const next = await requestAs(suite.test.app, staff, 'GET', `${base}&pageSize=200&page=${number}`);
        records.push(...next.json().items);
      }
      expect(records.length, indicator.key).toBe(page.total);
      const figure = page.figure as IndicatorFigure;
      if (indicator.kind === 'sum') {
        const sum = records.reduce(
          (total: number, record: { amountFen: number }) => total + record.amountFen,
          0,
        );
        expect(sum, indicator.key).toBe(figure.amountFen);
      } else if (indicator.kind === 'distinct') {
        expect(
          new Set(records.map((record: { enterpriseId: number }) => record.enterpriseId)).size,
          indicator.key,
        ).toBe(figure.value);
      } else {
        expect(records.length, indicator.key).toBe(figure.value);
      }
      // The breakdown's parts add up to the figure.
      for (const by of indicator.breakdowns) {
        const response = await requestAs(
          suite.test.app,
          staff,
          'GET',
          `/api/dashboard/indicators/${indicator.key}/breakdown?period=2020&by=${by}`,
        );
        const rows = response.json().rows as { count: number; amountFen: number | null }[];
        if (indicator.kind === 'sum') {
          expect(
            rows.reduce((total, row) => total + (row.amountFen ?? 0), 0),
            `${indicator.key} by ${by}`,
          ).toBe(figure.amountFen);
        } else if (indicator.kind === 'count') {
          expect(
            rows.reduce((total, row) => total + row.count, 0),
            `${indicator.key} by ${by}`,
          ).toBe(figure.value);
        }
      }
    }
  }, 120_000);
});
