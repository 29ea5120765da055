import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policies } from '../../db/schema';
import { buildSession, type Session } from '../../test/factories';
import { buildWorkbook, uploadImport, waitForImportJob } from '../../test/import-helpers';
import { createTestApp, type TestApp } from '../../test/test-app';

let test: TestApp;
let staff: Session;
beforeAll(async () => {
  test = await createTestApp();
  staff = await buildSession(test.app, test.db, 'staff');
});
afterAll(() => test.close());

const HEADERS = [
  '序号',
  '政策名称',
  '层级',
  '主题分类',
  '索引号',
  '发文字号',
  '发布机关',
  '成文日期',
  '发布日期',
  '施行日期',
  '有效期至',
  '全文',
];
type Cell = string | number | null;
const row = (serial: number, documentNo: string, overrides: Partial<Record<number, Cell>> = {}): Cell[] => {
  const cells: Cell[] = [
    serial,
    `任城区科技扶持政策${serial}`,
    '区级',
    '企业培育',
    null,
    documentNo,
    '任城区人民政府',
    '2020-03-01',
    '2020-03-05',
    '2020-03-05',
    null,
    '对科技型中小企业给予奖励。',
  ];
  for (const [index, value] of Object.entries(overrides)) cells[Number(index)] = value ?? null;
  return cells;
};

async function runImport(rows: Cell[][]) {
  const response = await uploadImport(test.app, {
    kind: 'policy-library',
    session: staff,
    fileName: '政策文件台账.xlsx',
    content: await buildWorkbook(HEADERS, rows),
  });
  expect(response.statusCode, response.body).toBe(202);
  return waitForImportJob(test.app, staff, response.json().id);
}

describe('政策文件台账 import', () => {
  it('imports the documents as drafts, searchable by their text', async () => {
    const job = await runImport([
      row(1, '任政发〔2020〕41号'),
      row(2, '任政发〔2020〕42号', { 2: '省级', 11: '支持中试熟化平台建设。' }),
    ]);
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'done', result: { created: 2 } });
    const imported = await test.db
      .select()
      .from(policies)
      .where(inArray(policies.documentNo, ['任政发〔2020〕41号', '任政发〔2020〕42号']));
    expect(imported.map((policy) => [policy.documentNo, policy.level, policy.status]).sort()).toEqual([
      ['任政发〔2020〕41号', 'district', 'draft'],
      ['任政发〔2020〕42号', 'provincial', 'draft'],
    ]);
    const found = await test.app.inject({
      method: 'GET',
      url: `/api/policies?keyword=${encodeURIComponent('熟化')}`,
      headers: { cookie: staff.cookie },
    });
    expect(found.json().items.map((item: { documentNo: string }) => item.documentNo)).toEqual([
      '任政发〔2020〕42号',
    ]);
  });

  it('a file with bad rows imports nothing and names each by row and column', async () => {
    const job = await runImport([
      row(1, '任政发〔2020〕51号'),
      row(2, '任政发〔2020〕51号'),
      row(3, '任政发[2020]52号'),
      row(4, '任政发〔2020〕41号'),
      row(5, '任政发〔2020〕53号', { 8: '2020-02-01' }),
    ]);
    expect(job.status).toBe('failed');
    const messages = job.errors.map(
      (error: { row: number; column: string; message: string }) =>
        `${error.row} ${error.column} ${error.message}`,
    );
    expect(
      messages.some(
        (message: string) => message.startsWith('3 发文字号') && message.includes('与第 2 行重复'),
      ),
    ).toBe(true);
    expect(
      messages.some((message: string) => message.startsWith('4 发文字号') && message.includes('〔')),
    ).toBe(true);
    expect(
      messages.some(
        (message: string) => message.startsWith('5 发文字号') && message.includes('已在政策库中'),
      ),
    ).toBe(true);
    expect(messages.some((message: string) => message.startsWith('6 发布日期'))).toBe(true);
    const none = await test.db
      .select()
      .from(policies)
      .where(inArray(policies.documentNo, ['任政发〔2020〕51号', '任政发〔2020〕53号']));
    expect(none).toEqual([]);
  });
});
