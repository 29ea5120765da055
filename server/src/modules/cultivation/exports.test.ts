import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildEnterprise, buildSession, type Session } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';

const suite = useTestApp({ staff: 'staff' });

async function sheetOf(url: string, session: Session) {
  const response = await suite.test.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  expect(response.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

describe('exports of the 培育库 and of local tiers', () => {
  it('exports exactly the filtered list, to staff and leaders', async () => {
    const company = await buildEnterprise(suite.test.app, { name: '济宁导出测试科技有限公司' });
    const proposed = await requestAs(suite.test.app, suite.staff, 'POST', '/api/cultivation/pool', {
      enterpriseId: company.enterpriseId,
      year: 2025,
      reason: '研发投入持续增长，具备培育潜力',
    });
    expect(proposed.statusCode).toBe(201);
    const label = await requestAs(suite.test.app, suite.staff, 'POST', '/api/cultivation/tier-labels', {
      code: 'gazelle',
      name: '瞪羚企业',
    });
    expect(label.statusCode).toBe(201);
    const assigned = await requestAs(suite.test.app, suite.staff, 'POST', '/api/cultivation/tiers', {
      enterpriseId: company.enterpriseId,
      tierLabelId: label.json().id,
      year: 2025,
    });
    expect(assigned.statusCode).toBe(201);

    const leader = await buildSession(suite.test.app, suite.test.db, 'leader');
    const pool = await sheetOf('/api/cultivation/pool/export?year=2025', leader);
    expect(pool.getRow(1).getCell(1).value).toBe('统一社会信用代码');
    expect(pool.getRow(2).getCell(2).value).toBe('济宁导出测试科技有限公司');
    expect(pool.getRow(2).getCell(4).value).toBe('拟入库');
    const tiers = await sheetOf('/api/cultivation/tiers/export?year=2025', suite.staff);
    expect(tiers.rowCount).toBe(2);
    expect(tiers.getRow(2).getCell(3).value).toBe('瞪羚企业');
    const none = await sheetOf('/api/cultivation/tiers/export?year=2024', suite.staff);
    expect(none.rowCount).toBe(1);
  });
});
