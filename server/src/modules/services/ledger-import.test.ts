import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprises, serviceProblems } from '../../db/schema';
import { buildSession, nextCreditCode, type Session } from '../../test/factories';
import { buildWorkbook, uploadImport, waitForImportJob } from '../../test/import-helpers';
import { createTestApp, type TestApp } from '../../test/test-app';

let test: TestApp;
let staff: Session;
let creditCode = '';
let enterpriseId = 0;

const HEADERS = [
  '序号',
  '问题来源',
  '企业统一社会信用代码',
  '企业',
  '问题类别',
  '问题描述',
  '责任单位',
  '责任人',
  '交办日期',
];

beforeAll(async () => {
  test = await createTestApp();
  staff = await buildSession(test.app, test.db, 'staff');
  creditCode = nextCreditCode();
  const [row] = await test.db
    .insert(enterprises)
    .values({
      creditCode,
      name: '问题台账导入测试企业',
      status: 'verified',
      contactName: '测试',
      contactPhone: '13800000000',
    })
    .returning({ id: enterprises.id });
  enterpriseId = row.id;
});
afterAll(() => test.close());

async function runImport(rows: (string | number)[][]) {
  const response = await uploadImport(test.app, {
    kind: 'service-problem-ledger',
    session: staff,
    fileName: '问题台账.xlsx',
    content: await buildWorkbook(HEADERS, rows),
  });
  expect(response.statusCode, response.body).toBe(202);
  return waitForImportJob(test.app, staff, response.json().id);
}

describe('问题台账 import', () => {
  it('opens a ticket per row with its limit counted in working days from the 交办日期', async () => {
    const job = await runImport([
      [
        1,
        '走访调研',
        creditCode,
        '问题台账导入测试企业',
        '政策咨询',
        '研发费用归集口径不清',
        '区科技局高新技术科',
        '刘洋',
        '2021-04-28',
      ],
      [2, '企业反映', creditCode, '', '用地与基础设施', '厂区道路未硬化', '区自然资源局', '', '2021-06-01'],
    ]);
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'done', result: { created: 2 } });
    const rows = await test.db
      .select()
      .from(serviceProblems)
      .where(eq(serviceProblems.enterpriseId, enterpriseId));
    const byDescription = new Map(rows.map((row) => [row.description, row]));
    // 2021-04-28 + 7 working days over 劳动节 (5月1日–5日 off, 5月8日 worked) → 2021-05-11.
    expect(byDescription.get('研发费用归集口径不清')).toMatchObject({
      source: 'visit',
      limitDays: 7,
      dueOn: '2021-05-11',
      status: 'assigned',
    });
    expect(byDescription.get('厂区道路未硬化')).toMatchObject({ source: 'enterprise', limitDays: 30 });
  });

  it('refuses the whole file for a row naming an unknown department or enterprise', async () => {
    const job = await runImport([
      [
        1,
        '走访调研',
        creditCode,
        '',
        '政策咨询',
        '导入后不应存在的问题',
        '区科技局高新技术科',
        '',
        '2021-04-28',
      ],
      [2, '走访调研', creditCode, '', '政策咨询', '导入后不应存在的问题二', '区不存在局', '', '2021-04-28'],
      [
        3,
        '走访调研',
        nextCreditCode(),
        '',
        '政策咨询',
        '导入后不应存在的问题三',
        '区科技局高新技术科',
        '',
        '2021-04-28',
      ],
      [
        4,
        '走访调研',
        creditCode,
        '',
        '政策咨询',
        '导入后不应存在的问题四',
        '区科技局高新技术科',
        '',
        '2099-01-01',
      ],
    ]);
    expect(job.status).toBe('failed');
    const messages = (job.errors as { row: number; message: string }[]).map(
      (error) => `${error.row} ${error.message}`,
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('区不存在局 不是已设置的责任单位'),
        expect.stringContaining('不在企业库中'),
      ]),
    );
    expect(messages.some((message) => message.startsWith('5 ') && message.includes('交办日期'))).toBe(true);
    const saved = await test.db
      .select()
      .from(serviceProblems)
      .where(eq(serviceProblems.description, '导入后不应存在的问题'));
    expect(saved).toEqual([]);
  });
});
