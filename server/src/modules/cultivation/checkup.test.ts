import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';
import { buildYearlyFigures, WAN } from './figures-fixtures';

const suite = useTestApp({ staff: 'staff' });

const figures = (year: number, rdWan: number) =>
  buildYearlyFigures(year, { rdExpenseFen: rdWan * WAN, rdExpenseDomesticFen: rdWan * WAN });

/** An enterprise founded in 2015 with three years of figures and the given yearly R&D (万元). */
async function enterpriseWithFigures(name: string, rdWan: number) {
  const company = await buildEnterprise(suite.test.app, { name });
  const detail = (await requestAs(suite.test.app, company, 'GET', '/api/enterprises/mine')).json();
  await requestAs(suite.test.app, company, 'PUT', `/api/enterprises/${company.enterpriseId}`, {
    name,
    contactName: detail.enterprise.contactName,
    contactPhone: detail.enterprise.contactPhone,
    foundedOn: '2015-06-01',
    street: null,
    version: 1,
  });
  const lastYear = new Date().getUTCFullYear() - 1;
  for (const year of [lastYear - 2, lastYear - 1, lastYear]) {
    const response = await requestAs(
      suite.test.app,
      company,
      'PUT',
      `/api/enterprises/${company.enterpriseId}/figures/${year}`,
      { version: 0, figures: figures(year, rdWan) },
    );
    expect(response.statusCode).toBe(200);
  }
  return company;
}

describe('科创体检 and the survey', () => {
  it('shows an enterprise its tiers, and what it lacks and by how much', async () => {
    const strong = await enterpriseWithFigures('济宁体检强科技有限公司', 480);
    const weak = await enterpriseWithFigures('济宁体检弱科技有限公司', 300);
    const strongCheckup = (
      await requestAs(suite.test.app, strong, 'GET', `/api/enterprises/${strong.enterpriseId}/checkup`)
    ).json();
    expect(strongCheckup.figures).toHaveLength(3);
    expect(strongCheckup.classification.highTech.level).toBe('qualified');
    expect(strongCheckup.classification.techSme.level).toBe('qualified');

    const weakCheckup = (
      await requestAs(suite.test.app, suite.staff, 'GET', `/api/enterprises/${weak.enterpriseId}/checkup`)
    ).json();
    expect(weakCheckup.classification.highTech.level).toBe('close');
    const gap = weakCheckup.classification.highTech.missing[0].gap;
    // 8000万 a year is in the ≤ 2亿 band (4 %): 3 × 8000万 × 4 % = 960万 over three years; 900万 spent: 60万 short.
    expect(gap.amountFen).toBe(60 * WAN);
    expect(gap.text.zh).toBe('研发费用占比3.7%，按您的收入规模需≥4%，三年合计还差60.00万元');
  });

  it('classifies every enterprise for staff and exports exactly the filtered list', async () => {
    const survey = await requestAs(
      suite.test.app,
      suite.staff,
      'GET',
      '/api/cultivation/survey?target=highTech&level=close',
    );
    expect(survey.statusCode).toBe(200);
    const body = survey.json();
    expect(body.totals).toEqual({ qualified: 1, close: 1, far: 0 });
    expect(body.items.map((item: { name: string }) => item.name)).toEqual(['济宁体检弱科技有限公司']);
    const exported = await requestAs(
      suite.test.app,
      suite.staff,
      'GET',
      '/api/cultivation/survey/export?target=highTech&level=close',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(2).value).toBe('济宁体检弱科技有限公司');
    expect(String(sheet.getRow(2).getCell(7).value)).toContain('三年合计还差60.00万元');
  });

  it('keeps one enterprise out of another’s 体检', async () => {
    const owner = await enterpriseWithFigures('济宁体检保密科技有限公司', 480);
    const intruder = await buildEnterprise(suite.test.app);
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder,
      secrets: ['济宁体检保密科技有限公司'],
      requests: [{ method: 'GET', url: `/api/enterprises/${owner.enterpriseId}/checkup` }],
    });
  });
});
