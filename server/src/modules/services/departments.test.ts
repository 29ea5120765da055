import type { ServiceCampaign, ServiceDepartment, ServiceProblemDetail, User } from '@kechuang/domain';
import { chinaToday } from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema';
import { buildEnterprise, buildUser, logIn, type Session } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';

const suite = useTestApp({ staff: 'staff', leader: 'leader', sysadmin: 'sysadmin' });
const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  requestAs(suite.test.app, session, method, url, payload);

async function departments(): Promise<ServiceDepartment[]> {
  return (await call(suite.staff, 'GET', '/api/services/departments')).json().items;
}

async function departmentSession(departmentId: number): Promise<{ session: Session; userId: number }> {
  const user = await buildUser(suite.test.db, { role: 'department', departmentId });
  return { session: await logIn(suite.test.app, user.username), userId: user.id };
}

/** A visit today with one problem for each department given; returns the tickets in that order. */
async function ticketsFor(departmentIds: number[]): Promise<ServiceProblemDetail[]> {
  const company = await buildEnterprise(suite.test.app);
  const campaign = await call(suite.staff, 'POST', '/api/services/campaigns', {
    name: '部门答复测试调研',
    slogan: '找问题、补短板、强服务、抓提升',
    startsOn: '2026-01-04',
    endsOn: '2027-12-31',
    targets: [{ enterpriseId: company.enterpriseId, kind: 'enterprise', team: '第一走访组' }],
  });
  expect(campaign.statusCode, campaign.body).toBe(201);
  const visit = await call(suite.staff, 'POST', '/api/services/visits', {
    campaignId: (campaign.json() as ServiceCampaign).id,
    enterpriseId: company.enterpriseId,
    visitedOn: chinaToday(),
    team: '第一走访组',
    visitors: '张科长',
    met: '王总经理',
    findings: '企业反映用地与政策问题',
    suggestions: '希望加快办理',
    problems: departmentIds.map((departmentId, index) => ({
      category: 'policy',
      description: `问题 ${index + 1}`,
      departmentId,
      assignee: null,
    })),
  });
  expect(visit.statusCode, visit.body).toBe(201);
  const listed = await call(
    suite.staff,
    'GET',
    `/api/services/problems?campaignId=${(campaign.json() as ServiceCampaign).id}&sort=id&order=asc`,
  );
  return listed.json().items;
}

describe('department accounts', () => {
  it('are created by the administrator only with an existing department', async () => {
    const [section] = await departments();
    const created = await call(suite.sysadmin, 'POST', '/api/admin/users', {
      username: `dept_${process.pid}_a`,
      displayName: '区发改局',
      role: 'department',
      departmentId: section.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((created.json() as { user: User }).user).toMatchObject({
      role: 'department',
      departmentId: section.id,
      enterpriseId: null,
    });

    const missing = await call(suite.sysadmin, 'POST', '/api/admin/users', {
      username: `dept_${process.pid}_b`,
      displayName: '区发改局',
      role: 'department',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('所属单位');

    const unknown = await call(suite.sysadmin, 'POST', '/api/admin/users', {
      username: `dept_${process.pid}_c`,
      displayName: '区发改局',
      role: 'department',
      departmentId: 999_999,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('所属单位不存在');
  });

  it('see and answer only the tickets of their own department; other routes are refused', async () => {
    const [first, second] = await departments();
    const [own, others] = await ticketsFor([first.id, second.id]);
    const { session } = await departmentSession(first.id);

    const listed = (await call(session, 'GET', '/api/services/problems?pageSize=100')).json();
    const ids = (listed.items as ServiceProblemDetail[]).map((item) => item.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(others.id);
    expect((listed.items as ServiceProblemDetail[]).every((item) => item.departmentId === first.id)).toBe(
      true,
    );

    expect((await call(session, 'GET', `/api/services/problems/${others.id}`)).statusCode).toBe(404);
    const foreignReply = await call(session, 'POST', `/api/services/problems/${others.id}/actions/reply`, {
      version: others.version,
      comment: '越权答复',
    });
    expect(foreignReply.statusCode).toBe(404);

    const mine = (
      await call(session, 'GET', `/api/services/problems/${own.id}`)
    ).json() as ServiceProblemDetail;
    expect(mine.allowedActions).toEqual(['reply']);
    const noMeasure = await call(session, 'POST', `/api/services/problems/${own.id}/actions/reply`, {
      version: mine.version,
    });
    expect(noMeasure.statusCode).toBe(400);
    expect(noMeasure.body).toContain('整改措施');
    const replied = await call(session, 'POST', `/api/services/problems/${own.id}/actions/reply`, {
      version: mine.version,
      comment: '已协调政策专员上门解读',
    });
    expect(replied.statusCode, replied.body).toBe(200);
    const afterReply = replied.json() as ServiceProblemDetail;
    expect(afterReply).toMatchObject({ status: 'replied', measure: '已协调政策专员上门解读' });
    expect(afterReply.allowedActions).toEqual([]);
    expect(afterReply.history.map((entry) => entry.action)).toEqual(['assign', 'reply']);
    // 回访 is the bureau's and the enterprise's step, not the department's.
    const rate = await call(session, 'POST', `/api/services/problems/${own.id}/actions/rate-satisfied`, {
      version: afterReply.version,
    });
    expect(rate.statusCode).toBe(403);
    // The staff see the department's answer and may still answer for a department themselves.
    const staffView = (await call(suite.staff, 'GET', `/api/services/problems/${own.id}`)).json();
    expect(staffView).toMatchObject({ status: 'replied', measure: '已协调政策专员上门解读' });
    const onBehalf = await call(suite.staff, 'POST', `/api/services/problems/${others.id}/actions/reply`, {
      version: others.version,
      comment: '代责任单位答复：已协调用地指标',
    });
    expect(onBehalf.statusCode, onBehalf.body).toBe(200);

    for (const [method, url] of [
      ['GET', '/api/enterprises'],
      ['GET', '/api/services/events'],
      ['GET', '/api/services/campaigns'],
      ['GET', '/api/services/problems/export'],
      ['GET', '/api/services/statistics'],
      ['GET', '/api/reviews/experts'],
      ['GET', '/api/dashboard/indicators'],
    ] as const) {
      expect((await call(session, method, url)).statusCode, `${method} ${url}`).toBe(403);
    }
    expect(
      (
        await call(session, 'POST', `/api/services/problems/${own.id}/extension`, {
          version: afterReply.version,
          days: 3,
          reason: '自批延期',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('ask for an extension before the deadline; the leader is notified and grants it once', async () => {
    const [, , third] = await departments();
    const [ticket] = await ticketsFor([third.id]);
    const { session } = await departmentSession(third.id);

    const tooLong = await call(session, 'POST', `/api/services/problems/${ticket.id}/extension-request`, {
      version: ticket.version,
      days: 20,
      reason: '需跨部门协调',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('延期不能超过');

    const asked = await call(session, 'POST', `/api/services/problems/${ticket.id}/extension-request`, {
      version: ticket.version,
      days: 5,
      reason: '需跨部门协调用地指标',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const pending = asked.json() as ServiceProblemDetail;
    expect(pending.extensionRequest).toEqual({
      days: 5,
      reason: '需跨部门协调用地指标',
      requestedOn: chinaToday(),
    });
    const leaderId = (await call(suite.leader, 'GET', '/api/auth/me')).json().id as number;
    const notices = await suite.test.db
      .select({ title: notifications.title })
      .from(notifications)
      .where(eq(notifications.userId, leaderId));
    expect(notices.map((row) => row.title)).toContain(`延期申请：问题台账第 ${ticket.id} 号`);

    const granted = await call(suite.leader, 'POST', `/api/services/problems/${ticket.id}/extension`, {
      version: pending.version,
      days: 5,
      reason: '同意延期',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const extended = granted.json() as ServiceProblemDetail;
    expect(extended).toMatchObject({ extensionDays: 5, extensionRequest: null });
    expect(extended.dueOn > ticket.dueOn).toBe(true);

    const again = await call(session, 'POST', `/api/services/problems/${ticket.id}/extension-request`, {
      version: extended.version,
      days: 2,
      reason: '再次申请',
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('已延期一次');
  });
});
