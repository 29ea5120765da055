import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';

const suite = useTestApp({ staff: 'staff' });

const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  requestAs(suite.test.app, session, method, url, payload);

let serial = 1000;
function nextNumber(year: number): string {
  serial += 1;
  return `${year}370811A${String(serial).padStart(7, '0')}`;
}

describe('科技型中小企业 入库 register', () => {
  it('checks the registration number at its edges and names the field in Chinese', async () => {
    const company = await buildEnterprise(suite.test.app);
    const register = (registrationNumber: string, year = 2024) =>
      call(suite.staff, 'POST', '/api/cultivation/tech-sme-registrations', {
        enterpriseId: company.enterpriseId,
        year,
        registrationNumber,
        registeredOn: `${year}-05-20`,
      });
    for (const bad of [
      '2024341181A802039', // 17 characters
      '2024341181A80203961', // 19 characters
      '20243411811802039X', // digit where the letter goes
      '2024341181AB020396', // letter among the serial digits
      'ABCD341181A8020396', // no year
    ]) {
      const response = await register(bad);
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().error.details[0]).toEqual({
        path: 'registrationNumber',
        message: '入库登记编号：格式不正确',
      });
    }
    const wrongYear = await register('2023341181A8020396');
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().error.details[0].message).toBe(
      '入库登记编号：前 4 位年度（2023）应与入库年度（2024）一致',
    );
    const accepted = await register(' 2024341181a8020396 ');
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({
      registrationNumber: '2024341181A8020396',
      year: 2024,
      version: 1,
    });
    const sameYear = await register(nextNumber(2024));
    expect(sameYear.statusCode).toBe(409);
    expect(sameYear.json().error.details[0].path).toBe('year');
  });

  it('corrects with the version read, refuses a stale one with 409, filters by year and exports', async () => {
    const company = await buildEnterprise(suite.test.app, { name: '济宁入库导出科技有限公司' });
    const created = (
      await call(suite.staff, 'POST', '/api/cultivation/tech-sme-registrations', {
        enterpriseId: company.enterpriseId,
        year: 2021,
        registrationNumber: nextNumber(2021),
        registeredOn: '2021-04-01',
      })
    ).json();
    const correctedNumber = nextNumber(2021);
    const corrected = await call(
      suite.staff,
      'PUT',
      `/api/cultivation/tech-sme-registrations/${created.id}`,
      {
        year: 2021,
        registrationNumber: correctedNumber,
        registeredOn: '2021-04-02',
        version: 1,
      },
    );
    expect(corrected.json()).toMatchObject({ version: 2, registrationNumber: correctedNumber });
    const stale = await call(suite.staff, 'PUT', `/api/cultivation/tech-sme-registrations/${created.id}`, {
      year: 2021,
      registrationNumber: correctedNumber,
      registeredOn: '2021-04-03',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const list = (await call(suite.staff, 'GET', '/api/cultivation/tech-sme-registrations?year=2021')).json();
    expect(list.items.map((item: { year: number }) => item.year)).toEqual(list.items.map(() => 2021));
    expect(list.items.some((item: { id: number }) => item.id === created.id)).toBe(true);

    const exported = await call(
      suite.staff,
      'GET',
      '/api/cultivation/tech-sme-registrations/export?year=2021',
    );
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(4).value).toBe('入库登记编号');
    expect(sheet.rowCount).toBe(list.total + 1);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows.some((row) => row[3] === '济宁入库导出科技有限公司' && row[4] === correctedNumber)).toBe(
      true,
    );
  });

  it('shows an enterprise its own entries and nobody else’s', async () => {
    const owner = await buildEnterprise(suite.test.app, { name: '济宁入库保密科技有限公司' });
    const intruder = await buildEnterprise(suite.test.app);
    const ownNumber = nextNumber(2022);
    await call(suite.staff, 'POST', '/api/cultivation/tech-sme-registrations', {
      enterpriseId: owner.enterpriseId,
      year: 2022,
      registrationNumber: ownNumber,
      registeredOn: '2022-06-01',
    });
    const own = (await call(owner, 'GET', '/api/cultivation/tech-sme-registrations')).json();
    expect(own.items.map((item: { registrationNumber: string }) => item.registrationNumber)).toEqual([
      ownNumber,
    ]);
    const mine = (
      await call(owner, 'GET', `/api/enterprises/${owner.enterpriseId}/tech-sme-registrations`)
    ).json();
    expect(mine.total).toBe(1);
    const theirs = (await call(intruder, 'GET', '/api/cultivation/tech-sme-registrations')).json();
    expect(theirs.items).toEqual([]);
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder,
      secrets: [ownNumber, '济宁入库保密科技有限公司'],
      requests: [{ method: 'GET', url: `/api/enterprises/${owner.enterpriseId}/tech-sme-registrations` }],
    });
  });
});
