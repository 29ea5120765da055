import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection';
import { enterprises } from '../../db/schema';
import { buildSession, nextCreditCode, type Session } from '../../test/factories';
import { buildWorkbook, uploadImport, waitForImportJob } from '../../test/import-helpers';
import { createTestApp, type TestApp } from '../../test/test-app';
import { passportNumber, validIdNumber } from './talent-fixtures';

let test: TestApp;
let staff: Session;
let employer: string;

const HEADERS = [
  '序号',
  '姓名',
  '性别',
  '出生年份',
  '国内/外籍',
  '国籍',
  '证件类型',
  '证件号码',
  '学历学位',
  '职称',
  '专业领域',
  '工作单位统一社会信用代码',
  '职务/岗位',
  '来区工作日期',
  '联系方式',
  '引进渠道',
  '摸排来源',
  '引进方式',
  '年薪（万元）',
  '相关工作年限',
  '年在华工作月数',
  '工作许可证号',
  '许可有效期至',
];

beforeAll(async () => {
  test = await createTestApp();
  staff = await buildSession(test.app, test.db, 'staff');
  employer = nextCreditCode();
  await test.db.insert(enterprises).values({
    creditCode: employer,
    name: '人才台账测试企业',
    status: 'verified',
    contactName: '测试',
    contactPhone: '13800000000',
  });
});
afterAll(() => test.close());

type Cell = string | number | null;

function rows(): Cell[][] {
  return [
    [
      1,
      '赵海涛',
      '男',
      1984,
      '国内',
      '中国',
      '居民身份证',
      validIdNumber(1984),
      '博士',
      '研究员',
      '新材料',
      employer,
      '首席科学家',
      '2020-05-06',
      '13905371234',
      '市产业技术研究院',
      '走访摸排',
      '全职',
      null,
      null,
      null,
      null,
      null,
    ],
    [
      2,
      'Anna Schmidt',
      '女',
      1982,
      '外籍',
      '德国',
      '护照',
      passportNumber(),
      '博士',
      null,
      '高端装备',
      employer,
      '技术专家',
      '2020-07-01',
      'anna@example.de',
      '海外人才联络站',
      '联络站推荐',
      '全职',
      30,
      8,
      12,
      'B370800001',
      '2022-06-30',
    ],
  ];
}

async function upload(data: Cell[][]) {
  const response = await uploadImport(test.app, {
    kind: 'talent-ledger',
    session: staff,
    fileName: '人才台账.xlsx',
    content: await buildWorkbook(HEADERS, data),
  });
  expect(response.statusCode, response.body).toBe(202);
  return waitForImportJob(test.app, staff, response.json().id);
}

const count = async () =>
  Number((await queryRows<{ n: number }>(test.db, sql`select count(*)::int as n from talents`))[0].n);

describe('the talent ledger import', () => {
  it('imports a clean ledger, encrypting documents and classifying foreign talents', async () => {
    const data = rows();
    const job = await upload(data);
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'done', result: { created: 2 } });
    const stored = await queryRows<{ name: string; permit_class: string | null; id_number_cipher: string }>(
      test.db,
      sql`select name, permit_class, id_number_cipher from talents order by id`,
    );
    expect(stored.map((row) => [row.name, row.permit_class])).toEqual([
      ['赵海涛', null],
      ['Anna Schmidt', 'B'],
    ]);
    expect(JSON.stringify(stored)).not.toContain(String(data[0][7]));
  });

  it('refuses the whole file on a bad row, naming row and column, and keeps nothing', async () => {
    const before = await count();
    const data = rows();
    const wrongCheck = String(data[0][7]).slice(0, 17) + (String(data[0][7]).endsWith('0') ? '1' : '0');
    data[0][7] = wrongCheck;
    data[1][18] = '面议';
    data.push([...rows()[0]]);
    data[2][16] = null;
    data[2][15] = '不存在的渠道';
    const job = await upload(data);
    expect(job.status).toBe('failed');
    const messages = (job.errors as { row: number; column: string; message: string }[]).map(
      (error) => `${error.row}|${error.column}|${error.message}`,
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        '2|证件号码|证件号码校验位不正确，请核对',
        expect.stringMatching(/^3\|年薪（万元）\|/),
        '4|引进渠道|引进渠道：不存在的渠道 不是在用的引进渠道',
      ]),
    );
    expect(await count()).toBe(before);
  });
});
