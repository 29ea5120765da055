import type { ServiceCampaign, ServiceDepartment, ServiceProblem } from '@kechuang/domain';
import { chinaToday } from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { serviceProblems } from '../../db/schema';
import { buildEnterprise, buildUser, logIn, type Session } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';

const suite = useTestApp({ staff: 'staff' });
const call = (session: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  requestAs(suite.test.app, session, method, url, payload);

type Todo = { key: string; title: string; count: number; link: string };
async function servicesTodos(session: Session): Promise<Record<string, Todo>> {
  const response = await call(session, 'GET', '/api/workbench');
  expect(response.statusCode).toBe(200);
  return Object.fromEntries(
    (response.json().todos as Todo[])
      .filter((todo) => todo.key.startsWith('services.'))
      .map((todo) => [todo.key, todo]),
  );
}

/** One visit today with a problem for each department given; the tickets in that order. */
async function ticketsFor(departmentIds: number[]): Promise<ServiceProblem[]> {
  const company = await buildEnterprise(suite.test.app);
  const campaign = await call(suite.staff, 'POST', '/api/services/campaigns', {
    name: '工作台待办测试调研',
    slogan: '找问题、补短板、强服务、抓提升',
    startsOn: '2026-01-04',
    endsOn: '2027-12-31',
    targets: [{ enterpriseId: company.enterpriseId, kind: 'enterprise', team: '第一走访组' }],
  });
  expect(campaign.statusCode, campaign.body).toBe(201);
  const campaignId = (campaign.json() as ServiceCampaign).id;
  const visit = await call(suite.staff, 'POST', '/api/services/visits', {
    campaignId,
    enterpriseId: company.enterpriseId,
    visitedOn: chinaToday(),
    team: '第一走访组',
    visitors: '张科长',
    met: '王总经理',
    findings: '企业反映政策问题',
    suggestions: null,
    problems: departmentIds.map((departmentId, index) => ({
      category: 'policy',
      description: `待办问题 ${index + 1}`,
      departmentId,
      assignee: null,
    })),
  });
  expect(visit.statusCode, visit.body).toBe(201);
  return (
    await call(suite.staff, 'GET', `/api/services/problems?campaignId=${campaignId}&sort=id&order=asc`)
  ).json().items;
}

const yesterday = () => {
  const day = new Date(`${chinaToday()}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
};

describe('workbench: a department account’s 科技服务 to-dos', () => {
  it('counts its open tickets to answer, the due-soon and the overdue ones, with links to the ledger', async () => {
    const departments = (await call(suite.staff, 'GET', '/api/services/departments')).json()
      .items as ServiceDepartment[];
    const [mine, other] = [departments[3], departments[4]];
    const user = await buildUser(suite.test.db, { role: 'department', departmentId: mine.id });
    const session = await logIn(suite.test.app, user.username);
    expect(await servicesTodos(session)).toMatchObject({
      'services.toAnswer': { count: 0 },
      'services.dueSoon': { count: 0 },
      'services.overdue': { count: 0 },
      'services.questions': { count: 0 },
    });

    const [late, soon, onTrack] = await ticketsFor([mine.id, mine.id, mine.id, other.id]);
    await suite.test.db
      .update(serviceProblems)
      .set({ dueOn: yesterday() })
      .where(eq(serviceProblems.id, late.id));
    await suite.test.db
      .update(serviceProblems)
      .set({ dueOn: chinaToday() })
      .where(eq(serviceProblems.id, soon.id));
    expect(onTrack.timing).toBe('on-track');

    const todos = await servicesTodos(session);
    expect(todos['services.toAnswer']).toMatchObject({ count: 3, link: '/bureau/services/problems' });
    expect(todos['services.dueSoon']).toMatchObject({
      count: 1,
      link: '/bureau/services/problems?timing=due-soon',
    });
    expect(todos['services.overdue']).toMatchObject({
      count: 1,
      link: '/bureau/services/problems?timing=overdue',
    });

    // The links open lists showing exactly the tickets counted.
    const overdueList = (await call(session, 'GET', '/api/services/problems?timing=overdue')).json();
    expect((overdueList.items as ServiceProblem[]).map((item) => item.id)).toEqual([late.id]);

    // Answering the overdue one takes it off the to-dos; the other department's ticket never counted.
    const current = (
      await call(session, 'GET', `/api/services/problems/${late.id}`)
    ).json() as ServiceProblem;
    const replied = await call(session, 'POST', `/api/services/problems/${late.id}/actions/reply`, {
      version: current.version,
      comment: '已协调解决',
    });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(await servicesTodos(session)).toMatchObject({
      'services.toAnswer': { count: 2 },
      'services.dueSoon': { count: 1 },
      'services.overdue': { count: 0 },
    });
  });

  it('shows staff the board’s questions waiting for an answer, and enterprises nothing of it', async () => {
    const company = await buildEnterprise(suite.test.app);
    const before = (await servicesTodos(suite.staff))['services.questions'].count;
    const asked = await call(company, 'POST', '/api/services/questions', {
      title: '专精特新申报条件',
      content: '我公司成立两年，能否申报？',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect((await servicesTodos(suite.staff))['services.questions']).toMatchObject({
      count: before + 1,
      link: '/bureau/services/questions?status=open',
    });
    expect(await servicesTodos(company)).toEqual({});
  });
});
