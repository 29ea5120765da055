import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { buildEnterprise, type Session } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';
import { buildYearlyFigures, WAN } from './figures-fixtures';

const suite = useTestApp({ staff: 'staff', observer: 'observer' });

const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  requestAs(suite.test.app, session, method, url, payload);

const figures = (year: number, rdWan: number) =>
  buildYearlyFigures(year, { rdExpenseFen: rdWan * WAN, rdExpenseDomesticFen: (rdWan - 20) * WAN });

describe('finance/tax observer view', () => {
  it('sees the HTE list and the covered years’ R&D expense with only the entitled keys, every view audited', async () => {
    const hte = await buildEnterprise(suite.test.app, {
      name: '济宁财税高企科技有限公司',
      contactPhone: '13912345678',
    });
    const other = await buildEnterprise(suite.test.app, { name: '济宁财税非高企科技有限公司' });
    for (const [company, year, rd] of [
      [hte, 2019, 150],
      [hte, 2021, 420],
      [hte, 2022, 480],
      [other, 2022, 999],
    ] as const) {
      const filed = await call(company, 'PUT', `/api/enterprises/${company.enterpriseId}/figures/${year}`, {
        version: 0,
        figures: figures(year, rd),
      });
      expect(filed.statusCode).toBe(200);
    }
    const certificate = await call(suite.staff, 'POST', '/api/cultivation/certificates', {
      enterpriseId: hte.enterpriseId,
      certificateNumber: 'GR202137000777',
      issuedOn: '2021-12-07',
    });
    expect(certificate.statusCode).toBe(201);

    const list = await call(suite.observer, 'GET', '/api/observer/high-tech-enterprises');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(Object.keys(body).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
    expect(body.items).toHaveLength(1);
    expect(Object.keys(body.items[0]).sort()).toEqual(
      ['certificateNumber', 'creditCode', 'enterpriseName', 'expiresOn', 'issuedOn', 'validity'].sort(),
    );
    expect(body.items[0]).toMatchObject({
      enterpriseName: '济宁财税高企科技有限公司',
      certificateNumber: 'GR202137000777',
      expiresOn: '2024-12-07',
    });
    expect(list.body).not.toContain('13912345678');

    const rd = (await call(suite.observer, 'GET', '/api/observer/rd-expenses')).json();
    // 2019 predates the certificate and the other enterprise holds none: neither is shown.
    expect(rd.items).toEqual([
      {
        creditCode: body.items[0].creditCode,
        enterpriseName: '济宁财税高企科技有限公司',
        year: 2021,
        rdExpenseFen: 420 * WAN,
        rdExpenseDomesticFen: 400 * WAN,
      },
      {
        creditCode: body.items[0].creditCode,
        enterpriseName: '济宁财税高企科技有限公司',
        year: 2022,
        rdExpenseFen: 480 * WAN,
        rdExpenseDomesticFen: 460 * WAN,
      },
    ]);
    const byYear = (await call(suite.observer, 'GET', '/api/observer/rd-expenses?year=2022')).json();
    expect(byYear.items.map((item: { year: number }) => item.year)).toEqual([2022]);

    const exported = await call(suite.observer, 'GET', '/api/observer/rd-expenses/export');
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '统一社会信用代码',
      '企业名称',
      '年度',
      '研发费用总额（元）',
      '其中境内研发费用（元）',
    ]);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(4).value).toBe(4_200_000);
    const hteExport = await call(suite.observer, 'GET', '/api/observer/high-tech-enterprises/export');
    const hteBook = new ExcelJS.Workbook();
    await hteBook.xlsx.load(hteExport.rawPayload as unknown as ArrayBuffer);
    expect(hteBook.worksheets[0].getRow(2).getCell(3).value).toBe('GR202137000777');

    const trail = await suite.test.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.actorId, suite.observer.userId),
          inArray(auditLog.event, ['observer.view', 'observer.export']),
        ),
      );
    expect(trail.map((entry) => entry.event).sort()).toEqual(
      ['observer.export', 'observer.export', 'observer.view', 'observer.view', 'observer.view'].sort(),
    );
  });

  it('refuses the observer everything else in the cultivation registers', async () => {
    for (const url of [
      '/api/cultivation/certificates',
      '/api/cultivation/tech-sme-registrations',
      '/api/cultivation/pool',
      '/api/cultivation/tiers',
      '/api/cultivation/survey',
      '/api/enterprises',
    ]) {
      expect((await call(suite.observer, 'GET', url)).statusCode, url).toBe(403);
    }
  });
});
