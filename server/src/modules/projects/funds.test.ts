import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildSession, type Session } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

let test: TestApp;
let staff: Session;
let leader: Session;
let enterpriseIds: number[] = [];
beforeAll(async () => {
  test = await createTestApp();
  staff = await buildSession(test.app, test.db, 'staff');
  leader = await buildSession(test.app, test.db, 'leader');
  enterpriseIds = [
    (await buildEnterprise(test.app)).enterpriseId,
    (await buildEnterprise(test.app)).enterpriseId,
  ];
});
afterAll(() => test.close());

const WAN = 1_000_000;
const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  test.app.inject({ method, url, headers: { cookie: session.cookie }, ...(payload ? { payload } : {}) });

describe('funds outside projects and the yearly totals', () => {
  it('records subsidies, rewards and risk compensation, and totals them by year and kind', async () => {
    const award = await call(staff, 'POST', '/api/funds/awards', {
      enterpriseId: enterpriseIds[0],
      year: 2020,
      kind: 'rdSubsidy',
      amountFen: 120 * WAN,
      documentNo: '任科字〔2020〕18号',
      grantedOn: '2020-09-10',
    });
    expect(award.statusCode, award.body).toBe(201);
    await call(staff, 'POST', '/api/funds/awards', {
      enterpriseId: enterpriseIds[1],
      year: 2020,
      kind: 'upgradeReward',
      amountFen: 20 * WAN,
      documentNo: '任科字〔2020〕30号',
      grantedOn: '2020-11-02',
    });
    const bad = await call(staff, 'POST', '/api/funds/awards', {
      enterpriseId: enterpriseIds[1],
      year: 2020,
      kind: 'lottery',
      amountFen: 0,
      documentNo: '',
      grantedOn: '2020-11-31',
    });
    expect(bad.statusCode).toBe(400);
    const message = bad.json().error.message;
    for (const label of ['类别', '金额', '文号', '兑现日期']) expect(message).toContain(label);
    const missingEnterprise = await call(staff, 'POST', '/api/funds/awards', {
      enterpriseId: 999_999,
      year: 2020,
      kind: 'rdSubsidy',
      amountFen: 1,
      documentNo: 'x',
      grantedOn: '2020-01-01',
    });
    expect(missingEnterprise.statusCode).toBe(404);

    for (const [index, enterpriseId] of enterpriseIds.entries()) {
      const created = await call(staff, 'POST', '/api/funds/risk-compensations', {
        enterpriseId,
        bankName: '济宁银行任城支行',
        loanFen: (500 + index * 300) * WAN,
        compensationFen: 10 * WAN,
        compensatedOn: '2020-12-15',
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const totals = (await call(leader, 'GET', '/api/funds/yearly-totals')).json();
    expect(totals.items[0]).toEqual({
      year: 2020,
      projectPaymentsFen: 0,
      rdSubsidyFen: 120 * WAN,
      upgradeRewardFen: 20 * WAN,
      otherAwardFen: 0,
      riskCompensationFen: 20 * WAN,
      totalFen: 160 * WAN,
      loanFen: 1300 * WAN,
      loanEnterpriseCount: 2,
    });

    const row = award.json();
    const updated = await call(staff, 'PUT', `/api/funds/awards/${row.id}`, {
      enterpriseId: row.enterpriseId,
      year: 2020,
      kind: 'rdSubsidy',
      amountFen: 100 * WAN,
      documentNo: row.documentNo,
      grantedOn: row.grantedOn,
      note: '',
      version: 1,
    });
    expect(updated.json()).toMatchObject({ amountFen: 100 * WAN, version: 2 });
    const stale = await call(staff, 'PUT', `/api/funds/awards/${row.id}`, {
      enterpriseId: row.enterpriseId,
      year: 2020,
      kind: 'rdSubsidy',
      amountFen: 90 * WAN,
      documentNo: row.documentNo,
      grantedOn: row.grantedOn,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const list = (await call(staff, 'GET', '/api/funds/awards?year=2020&kind=rdSubsidy')).json();
    expect(list.total).toBe(1);
    const compensations = (await call(staff, 'GET', '/api/funds/risk-compensations?year=2020')).json();
    expect(compensations.items).toHaveLength(2);
    const compensation = compensations.items[0];
    const compUpdate = await call(staff, 'PUT', `/api/funds/risk-compensations/${compensation.id}`, {
      enterpriseId: compensation.enterpriseId,
      bankName: '中国银行济宁分行',
      loanFen: compensation.loanFen,
      compensationFen: compensation.compensationFen,
      compensatedOn: compensation.compensatedOn,
      version: compensation.version,
    });
    expect(compUpdate.json().bankName).toBe('中国银行济宁分行');
    expect((await call(leader, 'POST', '/api/funds/awards', {})).statusCode).toBe(403);

    const exported = await call(staff, 'GET', '/api/funds/yearly-totals/export');
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('年度汇总')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('年度');
    expect(sheet.getRow(2).getCell(1).value).toBe(2020);
    expect(sheet.getRow(2).getCell(7).value).toBe(140);
  });
});
