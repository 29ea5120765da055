import { USCC_CHARSET } from '@kechuang/domain';
import { eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprises, storedFiles, techContracts } from '../../db/schema';
import { buildSession, nextCreditCode, type Session } from '../../test/factories';
import { uploadImport, waitForImportJob } from '../../test/import-helpers';
import { createTestApp, type TestApp } from '../../test/test-app';

let test: TestApp;
let staff: Session;
const sellers: { name: string; creditCode: string }[] = [];

const HEADERS = [
  '序号',
  '合同登记编号',
  '项目名称',
  '卖方名称',
  '卖方统一社会信用代码',
  '买方名称',
  '合同类别',
  '合同成交额（万元）',
  '技术交易额（万元）',
  '登记日期',
];
const CATEGORIES = [
  '技术开发（委托开发）',
  '技术转让（专利权转让）',
  '技术许可（专利实施许可）',
  '技术咨询（技术咨询）',
  '技术服务（技术培训）',
];

beforeAll(async () => {
  test = await createTestApp();
  staff = await buildSession(test.app, test.db, 'staff');
  for (let index = 0; index < 3; index++) {
    const seller = { name: `台账导入测试企业${index + 1}`, creditCode: nextCreditCode() };
    await test.db
      .insert(enterprises)
      .values({ ...seller, status: 'verified', contactName: '测试', contactPhone: '13800000000' });
    sellers.push(seller);
  }
});
afterAll(() => test.close());

type Cell = string | number | null;

/** A ledger as a bureau keeps it: a title row, the header, the rows, and a 合计 row. */
async function ledger(rows: Cell[][], total: [number, number] | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('2021年');
  sheet.addRow(['2021年度技术合同登记台账']);
  sheet.mergeCells(1, 1, 1, HEADERS.length);
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  if (total)
    sheet.addRow([
      '合计',
      null,
      null,
      null,
      null,
      null,
      null,
      total[0].toFixed(2),
      total[1].toFixed(2),
      null,
    ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cleanRow(index: number, sequenceBase: number): Cell[] {
  const seller = sellers[index % sellers.length];
  // Cents of 万元 vary so the sum is a real check, not a multiple of one value.
  const contract = 10 + index * 1.37;
  const tech = contract - (index % 4) * 0.5;
  return [
    index + 1,
    `21370801${String(sequenceBase + index).padStart(6, '0')}`,
    `台账合同${index + 1}`,
    seller.name,
    seller.creditCode,
    `买方${index + 1}`,
    CATEGORIES[index % CATEGORIES.length],
    Number(contract.toFixed(2)),
    Number(tech.toFixed(2)),
    `2021-${String((index % 12) + 1).padStart(2, '0')}-15`,
  ];
}

async function runImport(content: Buffer, fileName: string) {
  const response = await uploadImport(test.app, {
    kind: 'tech-contract-ledger',
    session: staff,
    fileName,
    content,
  });
  expect(response.statusCode, response.body).toBe(202);
  return waitForImportJob(test.app, staff, response.json().id);
}

describe('技术合同登记台账 import', () => {
  it('imports a clean 120-row ledger with a title row; the 合计 row is checked, not imported', async () => {
    const rows = Array.from({ length: 120 }, (_, index) => cleanRow(index, 100_001));
    const contractWan = rows.reduce((sum, row) => sum + Math.round(Number(row[7]) * 100), 0) / 100;
    const techWan = rows.reduce((sum, row) => sum + Math.round(Number(row[8]) * 100), 0) / 100;
    const job = await runImport(await ledger(rows, [contractWan, techWan]), '2021年技术合同台账.xlsx');
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'done', result: { created: 120 } });

    const numbers = rows.map((row) => String(row[1]));
    const [totals] = await test.db
      .select({
        count: sql<number>`count(*)::int`,
        contractFen: sql<string>`sum(${techContracts.contractFen})`,
        techFen: sql<string>`sum(${techContracts.techFen})`,
      })
      .from(techContracts)
      .where(inArray(techContracts.registrationNo, numbers));
    expect(totals.count).toBe(120);
    expect(Number(totals.contractFen)).toBe(Math.round(contractWan * 1_000_000));
    expect(Number(totals.techFen)).toBe(Math.round(techWan * 1_000_000));

    const [sample] = await test.db
      .select()
      .from(techContracts)
      .where(eq(techContracts.registrationNo, numbers[1]));
    expect(sample).toMatchObject({
      status: 'registered',
      category: 'TRANSFER_PATENT',
      sellerName: sellers[1].name,
    });
    const [file] = await test.db
      .select()
      .from(storedFiles)
      .where(eq(storedFiles.id, sample.importFileId ?? 0));
    expect(file.fileName).toBe('2021年技术合同台账.xlsx');

    const listed = (
      await test.app.inject({
        method: 'GET',
        url: `/api/tech-transfer/contracts?keyword=${encodeURIComponent(numbers[1])}`,
        headers: { cookie: staff.cookie },
      })
    ).json();
    expect(listed.items[0]).toMatchObject({ imported: true, categoryLabel: '技术转让（专利权转让）' });
  });

  it('a ledger with six different bad rows imports nothing and names all six by row and column', async () => {
    const rows = Array.from({ length: 10 }, (_, index) => cleanRow(index, 200_001));
    const wrong = sellers[0].creditCode;
    const badCheck = wrong.slice(0, 17) + USCC_CHARSET[(USCC_CHARSET.indexOf(wrong[17]) + 1) % 31];
    rows[1][4] = badCheck; // row 4: check character
    rows[2][8] = Number(rows[2][7]) + 1; // row 5: 技术交易额 above 成交额
    rows[3][7] = -5; // row 6: negative amount
    rows[4][9] = '2021-02-30'; // row 7: impossible date
    rows[5][1] = rows[0][1]; // row 8: duplicate registration number
    rows[6][6] = '技术买卖'; // row 9: unknown category
    const job = await runImport(await ledger(rows, null), '有错误的台账.xlsx');
    expect(job.status).toBe('failed');
    const byRow = new Map<number, { column: string; message: string }[]>();
    for (const error of job.errors) byRow.set(error.row, [...(byRow.get(error.row) ?? []), error]);
    expect([...byRow.keys()].sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(byRow.get(4)?.[0]).toMatchObject({ column: '卖方统一社会信用代码' });
    expect(byRow.get(4)?.[0].message).toContain('校验位');
    expect(byRow.get(5)?.[0]).toMatchObject({ column: '技术交易额（万元）' });
    expect(byRow.get(5)?.[0].message).toContain('不能大于合同成交额');
    expect(byRow.get(6)?.[0].message).toContain('不能为负数');
    expect(byRow.get(7)?.[0]).toMatchObject({ column: '登记日期' });
    expect(byRow.get(8)?.[0].message).toContain('与第 3 行重复');
    expect(byRow.get(9)?.[0]).toMatchObject({ column: '合同类别' });

    const numbers = rows.map((row) => String(row[1]));
    const imported = await test.db
      .select()
      .from(techContracts)
      .where(inArray(techContracts.registrationNo, numbers));
    expect(imported).toEqual([]);
  });

  it('refuses a 合计 row that does not match the rows', async () => {
    const rows = Array.from({ length: 3 }, (_, index) => cleanRow(index, 300_001));
    const job = await runImport(await ledger(rows, [1, 1]), '合计不符.xlsx');
    expect(job.status).toBe('failed');
    expect(job.errors.map((error: { row: number; column: string }) => [error.row, error.column])).toEqual([
      [6, '合同成交额（万元）'],
      [6, '技术交易额（万元）'],
    ]);
  });
});
