import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enterpriseYearFigures, highTechCertificates, techSmeRegistrations } from '../../db/schema';
import { buildEnterprise, nextCreditCode } from '../../test/factories';
import { buildWorkbook, uploadImport, waitForImportJob } from '../../test/import-helpers';
import { useTestApp } from '../../test/test-app';

const suite = useTestApp({ staff: 'staff' });

const HEADERS = [
  '统一社会信用代码',
  '年度',
  '职工总数',
  '科技人员数',
  '销售收入（万元）',
  '成本费用支出总额（万元）',
  '资产总额（万元）',
  '负债总额（万元）',
  '净资产（万元）',
  '研发费用总额（万元）',
  '境内研发费用（万元）',
  '高新技术产品（服务）收入（万元）',
  '工业总产值（万元）',
  'Ⅰ类知识产权数',
  'Ⅱ类知识产权数',
  '自主研发知识产权数',
  '科技成果转化数',
  '是否规上企业',
];
const row = (code: string, year: number, overrides: Partial<Record<string, string | number>> = {}) => {
  const values: Record<string, string | number> = {
    employees: 80,
    sciTech: 16,
    revenue: 6543.21,
    cost: 5200,
    assets: 3000,
    liabilities: 3100.5,
    net: -100.5,
    rd: 320.123456,
    rdDomestic: 300,
    highTech: 4000,
    output: 6000,
    ip1: 1,
    ip2: 6,
    self: 5,
    conversions: 2,
    above: '是',
    ...overrides,
  };
  return [
    code,
    year,
    values.employees,
    values.sciTech,
    values.revenue,
    values.cost,
    values.assets,
    values.liabilities,
    values.net,
    values.rd,
    values.rdDomestic,
    values.highTech,
    values.output,
    values.ip1,
    values.ip2,
    values.self,
    values.conversions,
    values.above,
  ];
};

/** Uploads a workbook of the given kind as staff and waits for its import job to finish. */
async function runImport(
  kind: string,
  fileName: string,
  headers: string[],
  rows: (string | number | Date | null)[][],
) {
  const upload = await uploadImport(suite.test.app, {
    kind,
    session: suite.staff,
    fileName,
    content: await buildWorkbook(headers, rows),
  });
  return waitForImportJob(suite.test.app, suite.staff, upload.json().id);
}

/** The figures on file for one enterprise and year. */
async function figuresOf(enterpriseId: number, year: number) {
  const [figures] = await suite.test.db
    .select()
    .from(enterpriseYearFigures)
    .where(and(eq(enterpriseYearFigures.enterpriseId, enterpriseId), eq(enterpriseYearFigures.year, year)));
  return figures;
}

describe('Excel import of yearly figures and 入库 registrations', () => {
  it('imports figures in 万元 as exact 分, correcting a year already on file', async () => {
    const company = await buildEnterprise(suite.test.app);
    const first = await runImport('enterprise-figures', '年度数据.xlsx', HEADERS, [
      row(company.username, 2024),
      row(company.username, 2025),
    ]);
    expect(first.result).toEqual({
      created: 2,
      updated: 0,
    });
    const saved = await figuresOf(company.enterpriseId, 2024);
    expect(saved).toMatchObject({
      revenueFen: 6_543_210_000,
      rdExpenseFen: 320_123_456,
      netAssetsFen: -100_500_000,
      isAboveDesignatedSize: true,
      source: 'import',
      version: 1,
    });

    const again = await runImport('enterprise-figures', '更正.xlsx', HEADERS, [
      row(company.username, 2024, { employees: 90 }),
    ]);
    expect(again.result).toEqual({
      created: 0,
      updated: 1,
    });
    const corrected = await figuresOf(company.enterpriseId, 2024);
    expect(corrected).toMatchObject({ employees: 90, version: 2 });
  });

  it('imports nothing when a row contradicts itself or names an unknown enterprise, listing each reason', async () => {
    const company = await buildEnterprise(suite.test.app);
    const unknown = nextCreditCode();
    const job = await runImport('enterprise-figures', 'bad.xlsx', HEADERS, [
      row(company.username, 2023),
      row(company.username, 2024, { sciTech: 120 }),
      row(unknown, 2024),
    ]);
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([
      { row: 3, column: '科技人员数', message: '科技人员数不能多于职工总数' },
      {
        row: 4,
        column: '统一社会信用代码',
        message: `统一社会信用代码 ${unknown} 对应的企业不存在，请先导入企业台账`,
      },
    ]);
    const [{ rows }] = await suite.test.db
      .select({ rows: count() })
      .from(enterpriseYearFigures)
      .where(eq(enterpriseYearFigures.enterpriseId, company.enterpriseId));
    expect(rows).toBe(0);
  });

  it('imports 科技型中小企业 入库 registrations and refuses numbers that do not fit the year', async () => {
    const company = await buildEnterprise(suite.test.app);
    const headers = ['统一社会信用代码', '入库年度', '入库登记编号', '入库日期'];
    const bad = await runImport('tech-sme-registrations', 'r.xlsx', headers, [
      [company.username, 2021, '2020370811A0000009', '2021-05-06'],
    ]);
    expect(bad.errors).toEqual([
      { row: 2, column: '入库登记编号', message: '入库登记编号应以年度 2021 开头' },
    ]);
    const good = await runImport('tech-sme-registrations', 'r.xlsx', headers, [
      [company.username, 2021, '2021370811A0000009', '2021-05-06'],
    ]);
    expect(good.result).toEqual({
      created: 1,
      updated: 0,
    });
    const [{ rows }] = await suite.test.db
      .select({ rows: count() })
      .from(techSmeRegistrations)
      .where(eq(techSmeRegistrations.enterpriseId, company.enterpriseId));
    expect(rows).toBe(1);
  });

  it('imports 高企 certificates with computed expiry, refusing a number whose year is not the issue year', async () => {
    const company = await buildEnterprise(suite.test.app);
    const headers = ['统一社会信用代码', '证书编号', '发证日期'];
    const bad = await runImport('high-tech-certificates', 'c.xlsx', headers, [
      [company.username, 'GR202137000777', '2020-12-08'],
    ]);
    expect(bad.errors).toEqual([
      {
        row: 2,
        column: '证书编号',
        message: '高新技术企业证书编号：第 3–6 位年度（2021）应与发证日期的年度（2020）一致',
      },
    ]);
    const good = await runImport('high-tech-certificates', 'c.xlsx', headers, [
      [company.username, 'GR202037000777', '2020-12-08'],
    ]);
    expect(good.result).toEqual({
      created: 1,
      updated: 0,
    });
    const [certificate] = await suite.test.db
      .select()
      .from(highTechCertificates)
      .where(eq(highTechCertificates.certificateNumber, 'GR202037000777'));
    expect(certificate).toMatchObject({
      enterpriseId: company.enterpriseId,
      expiresOn: '2023-12-08',
      remindOn: '2023-06-08',
    });
  });
});
