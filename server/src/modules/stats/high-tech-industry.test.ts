import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { buildEnterprise, buildSession, type Session } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

let test: TestApp;
let staff: Session;
let leader: Session;
const companies: { enterpriseId: number }[] = [];
const WAN = 1_000_000;

/** Files a run of months for one enterprise through the API, as staff would from a ledger. */
async function fileMonths(
  enterpriseId: number,
  year: number,
  months: number[],
  output: { totalWan: number; highTechWan: number; isAbove: boolean },
) {
  for (const month of months) {
    const period = `${year}-${String(month).padStart(2, '0')}`;
    const response = await test.app.inject({
      method: 'PUT',
      url: `/api/enterprises/${enterpriseId}/monthly-output/${period}`,
      headers: { cookie: staff.cookie },
      payload: {
        version: 0,
        output: {
          period,
          industrialOutputFen: output.totalWan * WAN,
          highTechOutputFen: output.highTechWan * WAN,
          isAboveDesignatedSize: output.isAbove,
        },
      },
    });
    expect(response.statusCode).toBe(200);
  }
}

beforeAll(async () => {
  test = await createTestApp();
  staff = await buildSession(test.app, test.db, 'staff');
  leader = await buildSession(test.app, test.db, 'leader');
  for (let index = 0; index < 4; index++) {
    const company = await buildEnterprise(test.app);
    companies.push({ enterpriseId: company.enterpriseId });
  }
  const [steady, entering, leaving, plain] = companies.map((company) => company.enterpriseId);
  const half = [1, 2, 3, 4, 5, 6];
  // 规上 in both years: 300 of 1000 万元 a month high-tech, 200 a year earlier.
  await fileMonths(steady, 2021, half, { totalWan: 1000, highTechWan: 300, isAbove: true });
  await fileMonths(steady, 2020, half, { totalWan: 900, highTechWan: 200, isAbove: true });
  // Enters 规上 in April 2021.
  await fileMonths(entering, 2021, [1, 2, 3], { totalWan: 400, highTechWan: 400, isAbove: false });
  await fileMonths(entering, 2021, [4, 5, 6], { totalWan: 500, highTechWan: 500, isAbove: true });
  // Left 规上 after 2020.
  await fileMonths(leaving, 2020, half, { totalWan: 800, highTechWan: 100, isAbove: true });
  await fileMonths(leaving, 2021, half, { totalWan: 700, highTechWan: 100, isAbove: false });
  // 规上 without high-tech output; its July is outside the range.
  await fileMonths(plain, 2021, [...half, 7], { totalWan: 2000, highTechWan: 0, isAbove: true });
}, 60_000);
afterAll(() => test.close());

describe('high-tech industry statistics', () => {
  it('gives the share of 规上 output and the growth, with each enterprise’s contribution', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/stats/high-tech-industry?from=2021-01&to=2021-06',
      headers: { cookie: leader.cookie },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const [steady, entering, leaving, plain] = companies.map((company) => company.enterpriseId);
    expect(body).toMatchObject({
      from: '2021-01',
      to: '2021-06',
      previousFrom: '2020-01',
      previousTo: '2020-06',
      highTechOutputFen: 3300 * WAN,
      aboveScaleOutputFen: 19_500 * WAN,
      previousHighTechOutputFen: 1800 * WAN,
      share: 16.9,
      growth: 83.3,
    });
    expect(
      body.enterprises.map((item: Record<string, number>) => [
        item.enterpriseId,
        item.aboveScaleMonths,
        item.highTechOutputFen / WAN,
        item.aboveScaleOutputFen / WAN,
        item.previousHighTechOutputFen / WAN,
      ]),
    ).toEqual([
      [steady, 6, 1800, 6000, 1200],
      [entering, 3, 1500, 1500, 0],
      [plain, 6, 0, 12_000, 0],
      [leaving, 0, 0, 0, 600],
    ]);
    expect(body.enterprises[0].name).toMatch(/^济宁测试/);
  });

  it('has no growth for a range without a year-earlier base', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/stats/high-tech-industry?from=2020-01&to=2020-06',
      headers: { cookie: staff.cookie },
    });
    expect(response.json()).toMatchObject({ share: 17.6, growth: null, previousHighTechOutputFen: 0 });
  });

  it('refuses a malformed or reversed range with the field named', async () => {
    const reversed = await test.app.inject({
      method: 'GET',
      url: '/api/stats/high-tech-industry?from=2021-06&to=2021-01',
      headers: { cookie: staff.cookie },
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details).toEqual([{ path: 'to', message: '截止月份不能早于起始月份' }]);
    const malformed = await test.app.inject({
      method: 'GET',
      url: '/api/stats/high-tech-industry?from=2021-1&to=2021-06',
      headers: { cookie: staff.cookie },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details).toEqual([{ path: 'from', message: '起始月份：格式不正确' }]);
  });

  it('is not open to enterprises', async () => {
    const company = await buildEnterprise(test.app);
    for (const url of [
      '/api/stats/high-tech-industry?from=2021-01&to=2021-06',
      '/api/stats/high-tech-industry/export?from=2021-01&to=2021-06',
    ]) {
      const response = await test.app.inject({ method: 'GET', url, headers: { cookie: company.cookie } });
      expect(response.statusCode).toBe(403);
    }
  });

  it('exports the enterprises and the totals, and audits the export', async () => {
    const exported = await test.app.inject({
      method: 'GET',
      url: '/api/stats/high-tech-industry/export?from=2021-01&to=2021-06',
      headers: { cookie: leader.cookie },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain(
      encodeURIComponent('高新技术产业产值-2021-01至2021-06'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(1).getCell(5).value).toBe('高新技术产业产值（万元）');
    expect(sheet.getRow(2).getCell(5).value).toBe(1800);
    const totals = sheet.getRow(6);
    expect(totals.getCell(2).value).toBe('合计（占比 16.9%，同比增速 83.3%）');
    expect([totals.getCell(4).value, totals.getCell(5).value, totals.getCell(6).value]).toEqual([
      19_500, 3300, 1800,
    ]);
    const trail = await test.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.event, 'stats.highTechIndustry.export'));
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ actorRole: 'leader', result: 'ok' });
    expect(trail[0].after).toMatchObject({ share: 16.9, growth: 83.3, rows: 4 });
  });
});
