import type { IndicatorFigure } from '@kechuang/domain';
import { describe, expect, it } from 'vitest';
import { highTechCertificates, techSmeRegistrations } from '../../db/schema';
import { buildEnterprise } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';

const suite = useTestApp({ staff: 'staff', leader: 'leader', observer: 'observer' });

const figureOf = async (period: string, key: string): Promise<IndicatorFigure> => {
  const response = await requestAs(
    suite.test.app,
    suite.leader,
    'GET',
    `/api/dashboard/figures?period=${period}&keys=${key}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json()[0];
};

describe('the dashboard’s figures', () => {
  it('counts records built here, lists them, and follows the year’s target', async () => {
    const enterprise = await buildEnterprise(suite.test.app);
    const other = await buildEnterprise(suite.test.app);
    await suite.test.db.insert(highTechCertificates).values([
      {
        enterpriseId: enterprise.enterpriseId,
        certificateNumber: 'GR203799000001',
        issuedOn: '2030-03-01',
        expiresOn: '2033-03-01',
        remindOn: '2032-09-01',
      },
      {
        enterpriseId: other.enterpriseId,
        certificateNumber: 'GR203799000002',
        issuedOn: '2030-11-20',
        expiresOn: '2033-11-20',
        remindOn: '2033-05-20',
      },
    ]);
    expect((await figureOf('2030', 'cultivation.hte-recognised')).value).toBe(2);
    expect((await figureOf('2030-H1', 'cultivation.hte-recognised')).value).toBe(1);
    expect((await figureOf('2030-Q4', 'cultivation.hte-recognised')).value).toBe(1);
    expect((await figureOf('2030-03', 'cultivation.hte-recognised')).value).toBe(1);
    expect((await figureOf('2031', 'cultivation.hte-valid')).value).toBe(2);
    expect((await figureOf('2029', 'cultivation.hte-recognised')).value).toBe(0);

    const saved = await requestAs(
      suite.test.app,
      suite.staff,
      'PUT',
      '/api/dashboard/indicators/cultivation.hte-recognised/targets/2030',
      {
        value: 4,
        version: 0,
      },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const figure = await figureOf('2030', 'cultivation.hte-recognised');
    expect(figure.target).toEqual({ value: 4, progress: 50, version: 1 });
    // A second save with the version already changed is refused, and the first stays.
    const stale = await requestAs(
      suite.test.app,
      suite.staff,
      'PUT',
      '/api/dashboard/indicators/cultivation.hte-recognised/targets/2030',
      {
        value: 9,
        version: 0,
      },
    );
    expect(stale.statusCode).toBe(409);
    expect((await figureOf('2030', 'cultivation.hte-recognised')).target?.value).toBe(4);

    const records = await requestAs(
      suite.test.app,
      suite.observer,
      'GET',
      '/api/dashboard/indicators/cultivation.hte-recognised/records?period=2030',
    );
    expect(records.statusCode, records.body).toBe(200);
    expect(records.json().items.map((item: { label: string }) => item.label)).toEqual([
      'GR203799000002',
      'GR203799000001',
    ]);
  });

  it('refuses a target that is negative or not a number, naming the field', async () => {
    const url = '/api/dashboard/indicators/cultivation.hte-new/targets/2031';
    for (const value of [-1, 'abc', 1.123456]) {
      const response = await requestAs(suite.test.app, suite.staff, 'PUT', url, { value, version: 0 });
      expect(response.statusCode, String(value)).toBe(400);
      expect(response.json().error.details[0].path).toBe('value');
      expect(response.json().error.details[0].message).toMatch(/^数值/);
    }
    const unknown = await requestAs(
      suite.test.app,
      suite.staff,
      'PUT',
      '/api/dashboard/indicators/no.such/targets/2031',
      {
        value: 1,
        version: 0,
      },
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('shows 数据不完整 with what is missing instead of a 0 when a statistic is not entered', async () => {
    const figure = await figureOf('2032', 'stats.rd-intensity');
    expect(figure.value).toBeNull();
    expect(figure.incomplete.map((item) => item.zh)).toEqual([
      '缺少2032年「全社会研发经费内部支出」统计数据',
      '缺少2032年「地区生产总值」统计数据',
    ]);
    const save = (key: string, body: object) =>
      requestAs(suite.test.app, suite.staff, 'PUT', `/api/dashboard/indicators/${key}/statistics`, body);
    expect(
      (
        await save('stats.gdp', {
          period: '2032',
          value: 500,
          source: '区统计局',
          sourceDate: '2033-03-01',
          version: 0,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await save('stats.rd-expenditure', {
          period: '2032',
          value: 12.5,
          source: '区统计局',
          sourceDate: '2033-11-01',
          version: 0,
        })
      ).statusCode,
    ).toBe(200);
    const complete = await figureOf('2032', 'stats.rd-intensity');
    expect(complete.value).toBe(2.5);
    expect(complete.incomplete).toEqual([]);

    const noSource = await save('stats.gdp', {
      period: '2033',
      value: 1,
      source: ' ',
      sourceDate: '2034-01-01',
      version: 0,
    });
    expect(noSource.statusCode).toBe(400);
    expect(noSource.json().error.details[0].path).toBe('source');
    const badPeriod = await save('stats.gdp', {
      period: '2033-13',
      value: 1,
      source: '区统计局',
      sourceDate: '2034-01-01',
      version: 0,
    });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().error.details[0].message).toContain('2021-H1');
    const computed = await save('cultivation.hte-new', {
      period: '2033',
      value: 1,
      source: '区统计局',
      sourceDate: '2034-01-01',
      version: 0,
    });
    expect(computed.statusCode).toBe(400);
    expect(computed.json().error.details[0].message).toContain('由平台记录计算');
    const early = await save('stats.gdp', {
      period: '2033',
      value: 1,
      source: '区统计局',
      sourceDate: '2032-12-31',
      version: 0,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].path).toBe('sourceDate');
  });

  it('shows the finance/tax observer only its figures', async () => {
    const response = await requestAs(suite.test.app, suite.observer, 'GET', '/api/dashboard/indicators');
    const keys = response.json().map((item: { key: string }) => item.key);
    expect(keys).toContain('tech-transfer.exempt-amount');
    expect(keys).toContain('cultivation.hte-valid');
    expect(keys).not.toContain('projects.funds-in-place');
    const hidden = await requestAs(
      suite.test.app,
      suite.observer,
      'GET',
      '/api/dashboard/indicators/projects.funds-in-place/records?period=2020',
    );
    expect(hidden.statusCode).toBe(404);
    const ratio = await requestAs(
      suite.test.app,
      suite.staff,
      'GET',
      '/api/dashboard/indicators/stats.rd-intensity/records?period=2020',
    );
    expect(ratio.statusCode).toBe(400);
  });
});

describe('the year the dashboard opens on', () => {
  it('is the newest year with annual figures up to last year, or last year when there are none', async () => {
    const lastYear = new Date().getFullYear() - 1;
    const empty = await requestAs(suite.test.app, suite.leader, 'GET', '/api/dashboard/years');
    expect(empty.statusCode).toBe(200);
    const before: { years: number[] } = empty.json();
    if (before.years.length === 0) expect(empty.json().defaultYear).toBe(lastYear);
    const enterprise = await buildEnterprise(suite.test.app);
    const register = (year: number) =>
      suite.test.db.insert(techSmeRegistrations).values({
        enterpriseId: enterprise.enterpriseId,
        year,
        registrationNumber: `2019370811A${String(year).slice(-2)}${enterprise.enterpriseId}`,
        registeredOn: `${year}-05-10`,
      });
    await register(2019);
    await register(2020);
    // A registration of the running year: its annual figures are not complete, the default stays before it.
    await register(lastYear + 1);
    const years = (await requestAs(suite.test.app, suite.observer, 'GET', '/api/dashboard/years')).json();
    expect(years.years.slice(0, 1)).toEqual([lastYear + 1]);
    expect(years.years).toContain(2020);
    expect(years.defaultYear).toBe(Math.max(2020, ...before.years.filter((year) => year <= lastYear)));
  });
});
