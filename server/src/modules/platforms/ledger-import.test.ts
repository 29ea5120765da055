import { USCC_CHARSET } from '@kechuang/domain';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprises, platformHosts, platformLevelHistory, platforms } from '../../db/schema';
import { buildSession, nextCreditCode, type Session } from '../../test/factories';
import { buildWorkbook, uploadImport, waitForImportJob } from '../../test/import-helpers';
import { createTestApp, type TestApp } from '../../test/test-app';

let test: TestApp;
let staff: Session;
const hosts: string[] = [];

const HEADERS = [
  '序号',
  '平台名称',
  '平台类型',
  '级别',
  '认定（备案）部门',
  '认定（备案）文号',
  '认定（备案）日期',
  '依托单位统一社会信用代码',
  '技术领域',
  '所属街道/镇',
  '面积（平方米）',
  '人员数',
  '仪器设备原值（万元）',
  '联系人',
  '联系电话',
];

beforeAll(async () => {
  test = await createTestApp();
  staff = await buildSession(test.app, test.db, 'staff');
  for (let index = 0; index < 4; index++) {
    const creditCode = nextCreditCode();
    await test.db.insert(enterprises).values({
      creditCode,
      name: `平台台账测试企业${index + 1}`,
      status: 'verified',
      contactName: '测试',
      contactPhone: '13800000000',
    });
    hosts.push(creditCode);
  }
});
afterAll(() => test.close());

type Cell = string | number | null;

function cleanRows(prefix: string): Cell[][] {
  return [
    [
      1,
      `${prefix}智能制造重点实验室`,
      '重点实验室',
      '市级',
      '济宁市科学技术局',
      '济科字〔2019〕8号',
      '2019-04-12',
      hosts[0],
      '高端装备',
      '古槐街道',
      900,
      30,
      1250.5,
      '王工',
      '0537-2345678',
    ],
    [
      2,
      `${prefix}新材料技术创新中心`,
      '技术创新中心',
      '省级',
      '山东省科学技术厅',
      '鲁科字〔2020〕3号',
      '2020-09-01',
      hosts[1],
      '新材料',
      '唐口街道',
      null,
      null,
      null,
      null,
      null,
    ],
    [
      3,
      `${prefix}创新创业共同体`,
      '创新创业共同体',
      '市',
      '济宁市科学技术局',
      '济科字〔2020〕15号',
      '2020-03-27',
      `${hosts[2]}、${hosts[3]}`,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ],
  ];
}

async function runImport(rows: Cell[][]) {
  const response = await uploadImport(test.app, {
    kind: 'platform-ledger',
    session: staff,
    fileName: '科创平台台账.xlsx',
    content: await buildWorkbook(HEADERS, rows),
  });
  expect(response.statusCode, response.body).toBe(202);
  return waitForImportJob(test.app, staff, response.json().id);
}

describe('科创平台台账 import', () => {
  it('imports a clean ledger: each platform with its hosts and its first level line', async () => {
    const rows = cleanRows('甲');
    const job = await runImport(rows);
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'done', result: { created: 3 } });
    const imported = await test.db
      .select()
      .from(platforms)
      .where(
        inArray(
          platforms.name,
          rows.map((row) => String(row[1])),
        ),
      );
    expect(imported.map((row) => [row.name, row.level, row.status]).sort()).toEqual([
      ['甲创新创业共同体', 'city', 'operating'],
      ['甲新材料技术创新中心', 'provincial', 'operating'],
      ['甲智能制造重点实验室', 'city', 'operating'],
    ]);
    expect(imported.find((row) => row.name === '甲智能制造重点实验室')?.equipmentFen).toBe(1_250_500_000);
    const ids = imported.map((row) => row.id);
    const [{ hostCount }] = await test.db
      .select({ hostCount: sql<number>`count(*)::int` })
      .from(platformHosts)
      .where(inArray(platformHosts.platformId, ids));
    expect(hostCount).toBe(4);
    const [{ lines }] = await test.db
      .select({ lines: sql<number>`count(*)::int` })
      .from(platformLevelHistory)
      .where(inArray(platformLevelHistory.platformId, ids));
    expect(lines).toBe(3);
  });

  it('a ledger with bad rows imports nothing and names each by row and column', async () => {
    const rows = cleanRows('乙');
    const wrong = hosts[0].slice(0, 17) + USCC_CHARSET[(USCC_CHARSET.indexOf(hosts[0][17]) + 1) % 31];
    rows.push(
      [
        4,
        '乙大学科技园',
        '大学科技园',
        '市级',
        '济宁市科学技术局',
        '济科字〔2020〕1号',
        '2020-01-01',
        hosts[0],
      ],
      [
        5,
        '乙未来众创空间',
        '众创空间',
        '区级',
        '任城区科学技术局',
        '任科字〔2999〕1号',
        '2999-01-01',
        hosts[0],
      ],
      [
        6,
        '乙外地孵化器',
        '科技企业孵化器',
        '区级',
        '任城区科学技术局',
        '任科字〔2020〕2号',
        '2020-02-02',
        nextCreditCode(),
      ],
      [
        7,
        '乙校验位孵化器',
        '科技企业孵化器',
        '区级',
        '任城区科学技术局',
        '任科字〔2020〕3号',
        '2020-02-02',
        wrong,
      ],
      [
        8,
        '甲智能制造重点实验室',
        '重点实验室',
        '市级',
        '济宁市科学技术局',
        '济科字〔2019〕8号',
        '2019-04-12',
        hosts[0],
      ],
    );
    const job = await runImport(rows);
    expect(job.status).toBe('failed');
    const byRow = (row: number) =>
      (job.errors as { row: number; column: string; message: string }[]).filter((error) => error.row === row);
    expect(byRow(5)[0]).toMatchObject({ column: '级别' });
    expect(byRow(5)[0].message).toContain('类型与级别的组合不存在');
    expect(byRow(6)[0].column).toBe('认定（备案）日期');
    expect(byRow(7)[0].message).toContain('不在企业库中');
    expect(byRow(8)[0].message).toContain('校验位');
    expect(byRow(9)[0].message).toContain('已有同名平台');
    const [{ total }] = await test.db
      .select({ total: sql<number>`count(*)::int` })
      .from(platforms)
      .where(sql`${platforms.name} like '乙%'`);
    expect(total).toBe(0);
  });
});
