import { count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { enterprises } from '../../db/schema';
import { buildEnterprise, buildSession, nextCreditCode, type Session } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

let test: TestApp;
let staff: Session;
beforeAll(async () => {
  test = await createTestApp();
  staff = await buildSession(test.app, test.db, 'staff');
  const sysadmin = await buildSession(test.app, test.db, 'sysadmin');
  await test.app.inject({
    method: 'PUT',
    url: '/api/admin/settings',
    headers: { cookie: sysadmin.cookie },
    payload: {
      name: '任城区',
      cityName: '济宁市',
      regionCode: '370811',
      streets: ['古槐街道', '济阳街道'],
      idleTimeoutMinutes: 30,
      auditRetentionDays: 184,
      version: 1,
    },
  });
});
afterAll(() => test.close());

async function ledger(
  rows: (string | number | Date | null)[][],
  headers = [
    '统一社会信用代码*',
    '企业名称*',
    '联系人*',
    '联系电话*',
    '所属行业',
    '所属街道/镇',
    '成立日期',
    '企业规模',
  ],
) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业台账');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function multipart(fileName: string, content: Buffer) {
  const boundary = '----kechuang-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function upload(fileName: string, content: Buffer, session = staff) {
  const body = multipart(fileName, content);
  return test.app.inject({
    method: 'POST',
    url: '/api/imports/enterprise-ledger',
    headers: { cookie: session.cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

async function waitForJob(id: number, session = staff) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const job = (
      await test.app.inject({
        method: 'GET',
        url: `/api/imports/jobs/${id}`,
        headers: { cookie: session.cookie },
      })
    ).json();
    if (job.status !== 'validating') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('import did not finish');
}

describe('Excel import of the enterprise ledger', () => {
  it('offers a template with the Chinese headers, required ones marked', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/imports/enterprise-ledger/template',
      headers: { cookie: staff.cookie },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const headers = (workbook.worksheets[0].getRow(1).values as string[]).filter(Boolean);
    expect(headers.slice(0, 5)).toEqual([
      '统一社会信用代码*',
      '企业名称*',
      '联系人*',
      '联系电话*',
      '所属行业',
    ]);
  });

  it('imports every row in one go: new enterprises verified, known ones updated', async () => {
    const known = await buildEnterprise(test.app);
    const fresh = [nextCreditCode(), nextCreditCode()];
    const response = await upload(
      '企业台账2021.xlsx',
      await ledger([
        [
          fresh[0],
          '济宁导入一号科技有限公司',
          '王一',
          13800000001,
          '新一代信息技术',
          '古槐街道',
          new Date('2012-03-04'),
          '小型',
        ],
        [
          fresh[1].toLowerCase(),
          '济宁导入二号科技有限公司',
          '王二',
          '0537-2345678',
          '食品医药',
          '济阳街道',
          '2018-07-09',
          '中型',
        ],
        [known.username, '台账里的新名称有限公司', '王三', '13800000003', null, null, null, null],
      ]),
    );
    expect(response.statusCode).toBe(202);
    const job = await waitForJob(response.json().id);
    expect(job).toMatchObject({
      status: 'done',
      totalRows: 3,
      result: { created: 2, updated: 1 },
      errors: [],
    });
    const rows = await test.db
      .select()
      .from(enterprises)
      .where(inArray(enterprises.creditCode, [...fresh, known.username]));
    expect(rows.map((row) => [row.creditCode, row.status, row.industry, row.foundedOn]).sort()).toEqual(
      [
        [fresh[0], 'verified', 'it', '2012-03-04'],
        [fresh[1], 'verified', 'food-medicine', '2018-07-09'],
        [known.username, 'pending', null, null],
      ].sort(),
    );
    expect(rows.find((row) => row.creditCode === known.username)?.name).toBe('台账里的新名称有限公司');
  });

  it('imports nothing when one row is bad, and lists every bad row with its reason', async () => {
    const [{ before }] = await test.db.select({ before: count() }).from(enterprises);
    const good = nextCreditCode();
    const response = await upload(
      'bad.xlsx',
      await ledger([
        [good, '好的一行有限公司', '李一', '13900000001', '新一代信息技术', '古槐街道', '2015-01-01', '小型'],
        ['9133010057462616XH', '校验位错误有限公司', '李二', '13900000002', null, null, null, null],
        [good, '重复代码有限公司', '李三', '13900000003', null, '不存在街道', '2015-02-30', '超大型'],
      ]),
    );
    const job = await waitForJob(response.json().id);
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([
      { row: 3, column: '统一社会信用代码', message: '统一社会信用代码校验位不正确，请核对' },
      { row: 4, column: '成立日期', message: '成立日期不是有效日期（格式 2021-06-30）' },
      { row: 4, column: '企业规模', message: '企业规模：取值不在允许范围内' },
    ]);
    const [{ after }] = await test.db.select({ after: count() }).from(enterprises);
    expect(after).toBe(before);
    const [{ found }] = await test.db
      .select({ found: count() })
      .from(enterprises)
      .where(eq(enterprises.creditCode, good));
    expect(found).toBe(0);
  });

  it('reports duplicate codes and unknown streets across rows', async () => {
    const code = nextCreditCode();
    const response = await upload(
      'dup.xlsx',
      await ledger([
        [code, '甲有限公司', '赵一', '13700000001', null, '古槐街道', null, null],
        [code, '乙有限公司', '赵二', '13700000002', null, '火星街道', null, null],
      ]),
    );
    const job = await waitForJob(response.json().id);
    expect(job.errors).toEqual([
      { row: 3, column: '统一社会信用代码', message: '与第 2 行的统一社会信用代码重复' },
      { row: 3, column: '所属街道/镇', message: '所属街道/镇“火星街道”不在本区街道/镇名单中' },
    ]);
  });

  it('names a missing required column', async () => {
    const response = await upload(
      'cols.xlsx',
      await ledger([[nextCreditCode(), '缺列有限公司']], ['统一社会信用代码', '企业名称']),
    );
    const job = await waitForJob(response.json().id);
    expect(job.errors.map((error: { message: string }) => error.message)).toEqual([
      '缺少列“联系人”',
      '缺少列“联系电话”',
    ]);
  });

  it('refuses a renamed HTML file and a zip bomb with 4xx, without memory blow-up', async () => {
    const html = await upload('notes.xlsx', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.statusCode).toBe(400);
    expect(html.json().error.message).toBe('请上传 Excel 文件（.xlsx）');

    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('<?xml version="1.0"?><Types/>'), '[Content_Types].xml');
    zip.addBuffer(Buffer.alloc(200 * 1024 * 1024, 0x20), 'xl/worksheets/sheet1.xml', { compress: true });
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const bomb = Buffer.concat(chunks);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const refused = await upload('bomb.xlsx', bomb);
    expect(refused.statusCode).toBe(413);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
  }, 60_000);

  it('shows a job only to the user who started it', async () => {
    const response = await upload(
      'mine.xlsx',
      await ledger([[nextCreditCode(), '私有任务有限公司', '钱一', '13600000001', null, null, null, null]]),
    );
    const otherStaff = await buildSession(test.app, test.db, 'staff');
    const peek = await test.app.inject({
      method: 'GET',
      url: `/api/imports/jobs/${response.json().id}`,
      headers: { cookie: otherStaff.cookie },
    });
    expect(peek.statusCode).toBe(404);
    await waitForJob(response.json().id);
  });
});
