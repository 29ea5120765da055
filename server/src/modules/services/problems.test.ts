import type {
  ServiceCampaign,
  ServiceDepartment,
  ServiceProblemDetail,
  ServiceVisit,
} from '@kechuang/domain';
import { chinaToday } from '@kechuang/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';

const suite = useTestApp({ staff: 'staff', leader: 'leader' });
const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  requestAs(suite.test.app, session, method, url, payload);

async function departments(): Promise<ServiceDepartment[]> {
  return (await call(suite.staff, 'GET', '/api/services/departments')).json().items;
}

async function campaignWith(enterpriseIds: number[]): Promise<ServiceCampaign> {
  const response = await call(suite.staff, 'POST', '/api/services/campaigns', {
    name: '“找问题、补短板、强服务、抓提升”大调研',
    slogan: '找问题、补短板、强服务、抓提升',
    startsOn: '2026-01-04',
    endsOn: '2026-12-31',
    targets: enterpriseIds.map((enterpriseId, index) => ({
      enterpriseId,
      kind: index === 0 ? 'enterprise' : 'institute',
      team: index === 0 ? '第一走访组' : '第二走访组',
    })),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const act = (session: Session, problem: ServiceProblemDetail, action: string, comment?: string) =>
  call(session, 'POST', `/api/services/problems/${problem.id}/actions/${action}`, {
    version: problem.version,
    ...(comment ? { comment } : {}),
  });

describe('the problem ledger', () => {
  it('records a visit with two problems; a reply, an unsatisfied 回访 reopens one, a satisfied one closes the other', async () => {
    const company = await buildEnterprise(suite.test.app);
    const other = await buildEnterprise(suite.test.app);
    const campaign = await campaignWith([company.enterpriseId, other.enterpriseId]);
    expect(campaign).toMatchObject({ planned: 2, visited: 0 });
    const [section, bureau] = await departments();
    const visit = await call(suite.staff, 'POST', '/api/services/visits', {
      campaignId: campaign.id,
      enterpriseId: company.enterpriseId,
      visitedOn: '2026-06-01',
      team: '第一走访组',
      visitors: '张科长、李干事',
      met: '王总经理',
      findings: '企业研发中心在建，缺少中试场地',
      suggestions: '希望协调中试基地',
      problems: [
        {
          category: 'policy',
          description: '研发费用加计扣除政策不清楚',
          departmentId: section.id,
          assignee: '刘洋',
        },
        { category: 'land', description: '中试场地不足', departmentId: bureau.id, assignee: null },
      ],
    });
    expect(visit.statusCode, visit.body).toBe(201);
    expect((visit.json() as ServiceVisit).problemCount).toBe(2);

    const listed = await call(
      suite.staff,
      'GET',
      `/api/services/problems?campaignId=${campaign.id}&sort=id&order=asc`,
    );
    const [policy, land] = listed.json().items as ServiceProblemDetail[];
    // 2026-06-01 (Mon) + 7 working days, with 端午 (2026-06-19) not in the way; + 30 for the complex one.
    expect(policy).toMatchObject({
      limitDays: 7,
      dueOn: '2026-06-10',
      status: 'assigned',
      timing: 'overdue',
    });
    expect(land.limitDays).toBe(30);

    const noMeasure = await act(suite.staff, policy, 'reply');
    expect(noMeasure.statusCode).toBe(400);
    expect(noMeasure.body).toContain('整改措施');

    const replied = await act(suite.staff, policy, 'reply', '已安排政策专员上门讲解');
    expect(replied.statusCode, replied.body).toBe(200);
    const afterReply = replied.json() as ServiceProblemDetail;
    expect(afterReply).toMatchObject({ status: 'replied', measure: '已安排政策专员上门讲解' });

    // The enterprise rates the answer unsatisfied: the ticket reopens with a new limit.
    const mine = (
      await call(company, 'GET', `/api/services/problems/${policy.id}`)
    ).json() as ServiceProblemDetail;
    expect(mine.allowedActions).toEqual(['rate-satisfied', 'rate-unsatisfied']);
    const unsatisfied = await act(company, mine, 'rate-unsatisfied', '讲解后仍不清楚归集口径');
    expect(unsatisfied.statusCode, unsatisfied.body).toBe(200);
    const reopened = unsatisfied.json() as ServiceProblemDetail;
    expect(reopened).toMatchObject({ status: 'reopened', reopenCount: 1, rating: 'unsatisfied' });
    expect(reopened.dueOn > chinaToday()).toBe(true);
    expect(reopened.history.map((entry) => entry.action)).toEqual(['assign', 'reply', 'rate-unsatisfied']);

    // An extension is asked before the deadline and granted once by a leader.
    const extended = await call(suite.leader, 'POST', `/api/services/problems/${policy.id}/extension`, {
      version: reopened.version,
      days: 5,
      reason: '需协调税务部门',
    });
    expect(extended.statusCode, extended.body).toBe(200);
    expect((extended.json() as ServiceProblemDetail).dueOn > reopened.dueOn).toBe(true);
    const overdueLand = (
      await call(suite.staff, 'GET', `/api/services/problems/${land.id}`)
    ).json() as ServiceProblemDetail;
    const late = await call(suite.leader, 'POST', `/api/services/problems/${land.id}/extension`, {
      version: overdueLand.version,
      days: 5,
      reason: '用地审批周期长',
    });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('时限届满前');

    // The other: replied, rated satisfied by staff at the 回访 → 销号, closed late.
    const landReplied = (
      await act(suite.staff, overdueLand, 'reply', '协调中试基地共享场地')
    ).json() as ServiceProblemDetail;
    const closed = (await act(suite.staff, landReplied, 'rate-satisfied')).json() as ServiceProblemDetail;
    expect(closed).toMatchObject({ status: 'closed', rating: 'satisfied', timing: 'closed-late' });

    const overdue = await call(
      suite.staff,
      'GET',
      `/api/services/problems?campaignId=${campaign.id}&timing=overdue`,
    );
    expect(overdue.json().total).toBe(0);
    const progress = (
      await call(suite.leader, 'GET', `/api/services/campaigns/${campaign.id}`)
    ).json() as ServiceCampaign;
    expect(progress).toMatchObject({ planned: 2, visited: 1, problems: 2 });

    const exported = await call(
      suite.staff,
      'GET',
      `/api/services/problems/export?campaignId=${campaign.id}`,
    );
    expect(exported.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['序号', '问题来源', '企业', '问题类别', '问题描述', '责任单位']);
    expect(header).toContain('是否销号');
    expect(sheet.rowCount).toBe(3);

    // The other enterprise sees none of it.
    const theirs = await call(other, 'GET', '/api/services/problems');
    expect(theirs.json().total).toBe(0);
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder: other,
      requests: [
        { method: 'GET', url: `/api/services/problems/${policy.id}` },
        {
          method: 'POST',
          url: `/api/services/problems/${policy.id}/actions/rate-satisfied`,
          payload: { version: 1 },
        },
      ],
      secrets: ['研发费用加计扣除政策不清楚'],
    });
  });

  it('refuses a visit in the future, of a non-target, and a problem naming an unknown department', async () => {
    const company = await buildEnterprise(suite.test.app);
    const outsider = await buildEnterprise(suite.test.app);
    const campaign = await campaignWith([company.enterpriseId]);
    const [section] = await departments();
    const base = {
      campaignId: campaign.id,
      enterpriseId: company.enterpriseId,
      visitedOn: '2026-06-01',
      team: '第一走访组',
      visitors: '张科长',
      met: '王总',
      findings: '—',
      suggestions: null,
      problems: [{ category: 'policy', description: '政策不清', departmentId: section.id, assignee: null }],
    };
    const future = await call(suite.staff, 'POST', '/api/services/visits', {
      ...base,
      visitedOn: '2099-01-04',
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('走访日期');
    const stranger = await call(suite.staff, 'POST', '/api/services/visits', {
      ...base,
      enterpriseId: outsider.enterpriseId,
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.body).toContain('走访名单');
    const unknown = await call(suite.staff, 'POST', '/api/services/visits', {
      ...base,
      problems: [{ ...base.problems[0], departmentId: 999_999 }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('责任单位');
    const visits = await call(suite.staff, 'GET', `/api/services/visits?campaignId=${campaign.id}`);
    expect(visits.json().total).toBe(0);
  });
});
