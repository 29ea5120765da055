import { describe, expect, it } from 'vitest';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';
import { buildYearlyFigures, WAN } from './figures-fixtures';

const suite = useTestApp({ staff: 'staff' });

const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  requestAs(suite.test.app, session, method, url, payload);

const figures = (year: number) =>
  buildYearlyFigures(year, { rdExpenseFen: 300 * WAN, rdExpenseDomesticFen: 300 * WAN });

async function proposeWithFigures(name: string) {
  const company = await buildEnterprise(suite.test.app, { name });
  const lastYear = new Date().getUTCFullYear() - 1;
  for (const year of [lastYear - 2, lastYear - 1, lastYear]) {
    await call(company, 'PUT', `/api/enterprises/${company.enterpriseId}/figures/${year}`, {
      version: 0,
      figures: figures(year),
    });
  }
  const proposed = await call(suite.staff, 'POST', '/api/cultivation/pool', {
    enterpriseId: company.enterpriseId,
    year: lastYear + 1,
    reason: '研发投入增长快，拟重点培育',
  });
  expect(proposed.statusCode, proposed.body).toBe(201);
  return { company, detail: proposed.json(), year: lastYear + 1 };
}

describe('高企培育库', () => {
  it('admits with an opinion, showing the rule pre-check, and refuses a stale version with 409', async () => {
    const { company, detail, year } = await proposeWithFigures('济宁培育入库科技有限公司');
    expect(detail.entry.status).toBe('proposed');
    expect(detail.allowedActions.sort()).toEqual(['admit', 'reject']);
    expect(detail.precheck.figureYears).toHaveLength(3);
    // No founding date on file: the registration-age condition is what is missing.
    expect(detail.precheck.level).toBe('far');
    expect(detail.precheck.missing.map((text: { zh: string }) => text.zh).join('；')).toContain(
      '注册成立未满一年',
    );

    const duplicate = await call(suite.staff, 'POST', '/api/cultivation/pool', {
      enterpriseId: company.enterpriseId,
      year,
      reason: '重复推荐',
    });
    expect(duplicate.statusCode).toBe(409);

    const id = detail.entry.id;
    const withoutOpinion = await call(suite.staff, 'POST', `/api/cultivation/pool/${id}/actions/admit`, {
      version: 1,
    });
    expect(withoutOpinion.statusCode).toBe(400);
    const admitted = await call(suite.staff, 'POST', `/api/cultivation/pool/${id}/actions/admit`, {
      version: 1,
      comment: '研发费用差距小，同意入库',
    });
    expect(admitted.statusCode).toBe(200);
    const body = admitted.json();
    expect(body.entry).toMatchObject({
      status: 'admitted',
      version: 2,
      decisionOpinion: '研发费用差距小，同意入库',
    });
    expect(body.precheck).toEqual(detail.precheck);
    expect(body.allowedActions).toEqual(['exit']);
    expect(body.history.map((entry: { action: string }) => entry.action)).toEqual(['propose', 'admit']);

    const stale = await call(suite.staff, 'POST', `/api/cultivation/pool/${id}/actions/exit`, {
      version: 1,
      comment: '已认定为高企',
    });
    expect(stale.statusCode).toBe(409);
    const exited = await call(suite.staff, 'POST', `/api/cultivation/pool/${id}/actions/exit`, {
      version: 2,
      comment: '已认定为高企',
    });
    expect(exited.json().entry.status).toBe('exited');

    const own = await call(company, 'GET', `/api/cultivation/pool/${id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().allowedActions).toEqual([]);
    const list = (await call(suite.staff, 'GET', `/api/cultivation/pool?status=exited&year=${year}`)).json();
    expect(list.items.map((item: { id: number }) => item.id)).toContain(id);
  });

  it('rejects a proposal with an opinion and tells the enterprise', async () => {
    const { company, detail } = await proposeWithFigures('济宁培育退回科技有限公司');
    const rejected = await call(
      suite.staff,
      'POST',
      `/api/cultivation/pool/${detail.entry.id}/actions/reject`,
      {
        version: 1,
        comment: '高新技术产品收入核实不足',
      },
    );
    expect(rejected.json().entry.status).toBe('rejected');
    const messages = (await call(company, 'GET', '/api/notifications')).json();
    expect(JSON.stringify(messages)).toContain('不予入库');
  });

  it('keeps one enterprise out of another’s pool entry', async () => {
    const { detail } = await proposeWithFigures('济宁培育保密科技有限公司');
    const intruder = await buildEnterprise(suite.test.app);
    expect((await call(intruder, 'GET', '/api/cultivation/pool')).json().items).toEqual([]);
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder,
      secrets: ['济宁培育保密科技有限公司', '拟重点培育'],
      requests: [
        { method: 'GET', url: `/api/cultivation/pool/${detail.entry.id}` },
        {
          method: 'POST',
          url: `/api/cultivation/pool/${detail.entry.id}/actions/admit`,
          payload: { version: 1, comment: '同意' },
        },
      ],
    });
  });
});
