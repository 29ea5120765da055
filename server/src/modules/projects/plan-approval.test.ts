import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { planProjects, publicityNotices, workCalendars } from '../../db/schema';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { buildApprovalCall, buildReviewedApplication } from './plan-approval-fixtures';
import { sendPublicityEndedReminders } from './plan-reminders';

const suite = useTestApp({ staff: 'staff', otherStaff: 'staff', leader: 'leader' });

const call = (session: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  suite.test.app.inject({
    method,
    url,
    headers: session ? { cookie: session.cookie } : {},
    ...(payload ? { payload } : {}),
  });

const WAN = 1_000_000;

async function setUpCall(budgetWan = 300) {
  const callId = await buildApprovalCall(suite.test.db, {
    budgetFen: budgetWan * WAN,
    title: `测试申报通知${Math.random()}`,
  });
  const first = await buildEnterprise(suite.test.app, {
    name: `济宁立项一号${Date.now() % 100000}科技有限公司`,
  });
  const second = await buildEnterprise(suite.test.app);
  const firstId = await buildReviewedApplication(suite.test.db, {
    callId,
    enterpriseId: first.enterpriseId,
    title: '智能液压控制系统研发',
    requestedFen: 200 * WAN,
    score: 91,
    rank: 1,
  });
  const secondId = await buildReviewedApplication(suite.test.db, {
    callId,
    enterpriseId: second.enterpriseId,
    title: '煤矿井下巡检机器人',
    requestedFen: 150 * WAN,
    score: 86,
    rank: 2,
  });
  return { callId, first, second, firstId, secondId };
}

/** Moves a notice's period into the past, as if its working days had run. */
async function endPublicity(noticeId: number) {
  await suite.test.db
    .update(publicityNotices)
    .set({ startOn: '2021-06-01', endOn: '2021-06-07' })
    .where(eq(publicityNotices.id, noticeId));
}

async function proposeApproveAndPublicise(setup: Awaited<ReturnType<typeof setUpCall>>) {
  const proposed = await call(
    suite.staff,
    'POST',
    `/api/plan-approval/calls/${setup.callId}/actions/propose`,
    {
      items: [
        { applicationId: setup.firstId, version: 1, approvedFen: 160 * WAN },
        { applicationId: setup.secondId, version: 1, approvedFen: 120 * WAN },
      ],
    },
  );
  expect(proposed.statusCode, proposed.body).toBe(200);
  const approved = await call(
    suite.leader,
    'POST',
    `/api/plan-approval/calls/${setup.callId}/actions/approve`,
    {
      items: [
        { applicationId: setup.firstId, version: 2 },
        { applicationId: setup.secondId, version: 2 },
      ],
    },
  );
  expect(approved.statusCode, approved.body).toBe(200);
  const publicity = await call(suite.staff, 'POST', `/api/plan-approval/calls/${setup.callId}/publicity`, {
    items: [
      { applicationId: setup.firstId, version: 3 },
      { applicationId: setup.secondId, version: 3 },
    ],
  });
  expect(publicity.statusCode, publicity.body).toBe(201);
  return publicity.json();
}

describe('立项: the funded list, approval, 公示 and establishment', () => {
  it('ranks reviewed applications and refuses a list over the budget, naming the overflow', async () => {
    const setup = await setUpCall(300);
    const detail = (await call(suite.staff, 'GET', `/api/plan-approval/calls/${setup.callId}`)).json();
    expect(detail.applications.map((item: { id: number }) => item.id)).toEqual([
      setup.firstId,
      setup.secondId,
    ]);
    expect(detail.applications[0]).toMatchObject({ reviewScore: 91, reviewRank: 1, status: 'reviewed' });
    expect(detail.applications[0].allowedActions.sort()).toEqual(['decline', 'propose']);
    expect(detail.call).toMatchObject({ budgetFen: 300 * WAN, usedFen: 0 });

    const over = await call(suite.staff, 'POST', `/api/plan-approval/calls/${setup.callId}/actions/propose`, {
      items: [
        { applicationId: setup.firstId, version: 1, approvedFen: 200 * WAN },
        { applicationId: setup.secondId, version: 1, approvedFen: 150 * WAN },
      ],
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.message).toBe(
      '拟资助金额合计 350 万元，超出本批次预算 300 万元 50 万元（已占用 0 万元）',
    );
    const missing = await call(
      suite.staff,
      'POST',
      `/api/plan-approval/calls/${setup.callId}/actions/propose`,
      {
        items: [{ applicationId: setup.firstId, version: 1 }],
      },
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0]).toMatchObject({ path: 'items.0.approvedFen' });
    const invalid = await call(
      suite.staff,
      'POST',
      `/api/plan-approval/calls/${setup.callId}/actions/propose`,
      {
        items: [{ applicationId: setup.firstId, version: 1, approvedFen: -5 }],
      },
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.message).toContain('拟资助金额');
    // Nothing moved.
    const after = (await call(suite.staff, 'GET', `/api/plan-approval/calls/${setup.callId}`)).json();
    expect(after.applications.map((item: { status: string }) => item.status)).toEqual([
      'reviewed',
      'reviewed',
    ]);
  });

  it('is all or none: a stale version in a bulk list leaves every application as it was', async () => {
    const setup = await setUpCall();
    const mixed = await call(
      suite.staff,
      'POST',
      `/api/plan-approval/calls/${setup.callId}/actions/propose`,
      {
        items: [
          { applicationId: setup.firstId, version: 1, approvedFen: 100 * WAN },
          { applicationId: setup.secondId, version: 9, approvedFen: 100 * WAN },
        ],
      },
    );
    expect(mixed.statusCode).toBe(409);
    const detail = (await call(suite.staff, 'GET', `/api/plan-approval/calls/${setup.callId}`)).json();
    expect(detail.applications.map((item: { status: string }) => item.status)).toEqual([
      'reviewed',
      'reviewed',
    ]);
    expect(detail.call.usedFen).toBe(0);
  });

  it('lets two staff propose at once: one wins, the other gets 409; the budget is never exceeded', async () => {
    const setup = await setUpCall(300);
    const body = { items: [{ applicationId: setup.firstId, version: 1, approvedFen: 200 * WAN }] };
    const url = `/api/plan-approval/calls/${setup.callId}/actions/propose`;
    const results = await Promise.all([
      call(suite.staff, 'POST', url, body),
      call(suite.otherStaff, 'POST', url, body),
    ]);
    expect(results.map((result) => result.statusCode).sort()).toEqual([200, 409]);

    const quota = await Promise.all([
      call(suite.staff, 'POST', url, {
        items: [{ applicationId: setup.secondId, version: 1, approvedFen: 90 * WAN }],
      }),
      call(suite.otherStaff, 'POST', url, {
        items: [{ applicationId: setup.secondId, version: 1, approvedFen: 150 * WAN }],
      }),
    ]);
    expect(quota.filter((result) => result.statusCode === 200)).toHaveLength(1);
    const detail = (await call(suite.staff, 'GET', `/api/plan-approval/calls/${setup.callId}`)).json();
    expect(detail.call.usedFen).toBeLessThanOrEqual(300 * WAN);
  });

  it('leaves approval to the leader, who may send the list back with an opinion', async () => {
    const setup = await setUpCall();
    await call(suite.staff, 'POST', `/api/plan-approval/calls/${setup.callId}/actions/propose`, {
      items: [{ applicationId: setup.firstId, version: 1, approvedFen: 100 * WAN }],
    });
    const byStaff = await call(
      suite.staff,
      'POST',
      `/api/plan-approval/calls/${setup.callId}/actions/approve`,
      {
        items: [{ applicationId: setup.firstId, version: 2 }],
      },
    );
    expect(byStaff.statusCode).toBe(403);
    const noOpinion = await call(
      suite.leader,
      'POST',
      `/api/plan-approval/calls/${setup.callId}/actions/sendBack`,
      {
        items: [{ applicationId: setup.firstId, version: 2 }],
      },
    );
    expect(noOpinion.statusCode).toBe(400);
    expect(noOpinion.json().error.message).toBe('请填写意见');
    const sentBack = await call(
      suite.leader,
      'POST',
      `/api/plan-approval/calls/${setup.callId}/actions/sendBack`,
      {
        items: [{ applicationId: setup.firstId, version: 2 }],
        comment: '资助额度偏高，请重拟',
      },
    );
    expect(sentBack.statusCode).toBe(200);
    expect(sentBack.json().applications[0]).toMatchObject({
      status: 'reviewed',
      decisionNote: '资助额度偏高，请重拟',
    });
    const declined = await call(
      suite.staff,
      'POST',
      `/api/plan-approval/calls/${setup.callId}/actions/decline`,
      {
        items: [{ applicationId: setup.secondId, version: 1 }],
        comment: '评审排名靠后',
      },
    );
    expect(declined.json().applications[1].status).toBe('notFunded');
    const messages = (await call(setup.second, 'GET', '/api/notifications')).json();
    expect(JSON.stringify(messages)).toContain('不予立项');
  });

  it('refuses a 公示 that would run into a year without a calendar, naming the year', async () => {
    const setup = await setUpCall();
    const items = [
      { applicationId: setup.firstId, version: 3 },
      { applicationId: setup.secondId, version: 3 },
    ];
    const pinned = process.env.KECHUANG_TODAY;
    let refused: Awaited<ReturnType<typeof call>>;
    try {
      await call(suite.staff, 'POST', `/api/plan-approval/calls/${setup.callId}/actions/propose`, {
        items: [
          { applicationId: setup.firstId, version: 1, approvedFen: 160 * WAN },
          { applicationId: setup.secondId, version: 1, approvedFen: 120 * WAN },
        ],
      });
      await call(suite.leader, 'POST', `/api/plan-approval/calls/${setup.callId}/actions/approve`, {
        items: [
          { applicationId: setup.firstId, version: 2 },
          { applicationId: setup.secondId, version: 2 },
        ],
      });
      // Five working days from 28 December 2026 reach 2027, whose calendar is not published.
      process.env.KECHUANG_TODAY = '2026-12-28';
      refused = await call(suite.staff, 'POST', `/api/plan-approval/calls/${setup.callId}/publicity`, {
        items,
      });
    } finally {
      if (pinned === undefined) delete process.env.KECHUANG_TODAY;
      else process.env.KECHUANG_TODAY = pinned;
    }
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('2027 年工作日历尚未发布或未设置');
    const notices = await suite.test.db
      .select()
      .from(publicityNotices)
      .where(eq(publicityNotices.callId, setup.callId));
    expect(notices).toHaveLength(0);
    const detail = (await call(suite.staff, 'GET', `/api/plan-approval/calls/${setup.callId}`)).json();
    expect(detail.applications.map((item: { version: number }) => item.version)).toEqual([3, 3]);
  });

  it('runs the 公示 over working days, shows it on the portal, and establishes only after it ends', async () => {
    await suite.test.db
      .insert(workCalendars)
      .values({ year: 2021, holidays: ['2021-10-01'], workdays: [] })
      .onConflictDoNothing();
    const setup = await setUpCall();
    const notice = await proposeApproveAndPublicise(setup);
    expect(notice.items).toHaveLength(2);
    expect(notice.workingDays).toBe(5);
    expect(notice.endOn > notice.startOn).toBe(true);
    expect(notice.establishBlocker).toContain('公示期满后方可立项下达');

    const portal = (await call(null, 'GET', '/api/public/publicity-notices')).json();
    const shown = portal.items.find((item: { id: number }) => item.id === notice.id);
    expect(shown).toMatchObject({ isCurrent: true });
    expect(shown.items.map((item: { approvedFen: number }) => item.approvedFen)).toEqual([
      160 * WAN,
      120 * WAN,
    ]);
    expect(shown.items[0].enterpriseName).toContain('济宁立项一号');

    const early = await call(suite.staff, 'POST', `/api/publicity-notices/${notice.id}/establish`, {
      version: 1,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('公示期尚未结束');

    const objection = await call(suite.staff, 'POST', `/api/publicity-notices/${notice.id}/objections`, {
      applicationId: setup.secondId,
      source: '群众来信',
      content: '反映该企业研发人员数量不实',
      contact: '0537-2345678',
      receivedOn: notice.startOn,
    });
    expect(objection.statusCode, objection.body).toBe(201);
    const badObjection = await call(suite.staff, 'POST', `/api/publicity-notices/${notice.id}/objections`, {
      applicationId: setup.secondId,
      source: '',
      content: '内容',
      receivedOn: '2021-02-30',
    });
    expect(badObjection.statusCode).toBe(400);
    expect(badObjection.json().error.message).toContain('异议来源：必填');
    expect(badObjection.json().error.message).toContain('收到日期');

    await endPublicity(notice.id);
    const withObjection = await call(suite.staff, 'POST', `/api/publicity-notices/${notice.id}/establish`, {
      version: 1,
    });
    expect(withObjection.statusCode).toBe(409);
    expect(withObjection.json().error.message).toContain('异议尚未处理');

    const objectionRow = objection.json().objections[0];
    const dismissed = await call(
      suite.staff,
      'POST',
      `/api/publicity-objections/${objectionRow.id}/resolve`,
      {
        version: 1,
        resolution: 'dismissed',
        note: '经核实，研发人员数量属实',
      },
    );
    expect(dismissed.statusCode).toBe(200);
    const again = await call(suite.staff, 'POST', `/api/publicity-objections/${objectionRow.id}/resolve`, {
      version: 2,
      resolution: 'upheld',
      note: '重复处理',
    });
    expect(again.statusCode).toBe(409);

    const established = await call(suite.staff, 'POST', `/api/publicity-notices/${notice.id}/establish`, {
      version: 1,
    });
    expect(established.statusCode, established.body).toBe(200);
    expect(established.json().items.map((item: { status: string }) => item.status)).toEqual([
      'established',
      'established',
    ]);
    const twice = await call(suite.staff, 'POST', `/api/publicity-notices/${notice.id}/establish`, {
      version: 2,
    });
    expect(twice.statusCode).toBe(409);

    const projects = await suite.test.db
      .select()
      .from(planProjects)
      .where(eq(planProjects.callId, setup.callId));
    expect(projects).toHaveLength(2);
    for (const project of projects) expect(project.projectNo).toMatch(/^JN-KJ-2021-\d{3}$/);
    expect(new Set(projects.map((project) => project.projectNo)).size).toBe(2);
    const first = projects.find((project) => project.applicationId === setup.firstId)!;
    expect(first).toMatchObject({
      approvedFen: 160 * WAN,
      startOn: '2021-07-01',
      endOn: '2023-06-30',
      status: 'contracting',
    });
    const messages = (await call(setup.first, 'GET', '/api/notifications')).json();
    expect(JSON.stringify(messages)).toContain('立项下达');
  });

  it('cancels a project whose objection is upheld and establishes the rest', async () => {
    const setup = await setUpCall();
    const notice = await proposeApproveAndPublicise(setup);
    const objection = await call(suite.staff, 'POST', `/api/publicity-notices/${notice.id}/objections`, {
      applicationId: setup.firstId,
      source: '实名举报',
      content: '该项目与已结题项目内容重复',
      contact: '13900001111',
      receivedOn: notice.startOn,
    });
    const resolved = await call(
      suite.staff,
      'POST',
      `/api/publicity-objections/${objection.json().objections[0].id}/resolve`,
      {
        version: 1,
        resolution: 'upheld',
        note: '经核实与已结题项目重复，取消立项',
      },
    );
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().items[0].status).toBe('notFunded');
    const portal = (await call(null, 'GET', '/api/public/publicity-notices')).json();
    expect(portal.items.find((item: { id: number }) => item.id === notice.id).items).toHaveLength(1);
    await endPublicity(notice.id);
    const established = await call(suite.staff, 'POST', `/api/publicity-notices/${notice.id}/establish`, {
      version: 1,
    });
    expect(established.statusCode).toBe(200);
    const projects = await suite.test.db
      .select()
      .from(planProjects)
      .where(eq(planProjects.callId, setup.callId));
    expect(projects.map((project) => project.applicationId)).toEqual([setup.secondId]);
  });
});

describe('workbench and reminders', () => {
  it('counts what waits for staff and the leader, and tells staff once when a 公示 has ended', async () => {
    const setup = await setUpCall();
    const staffTodos = (await call(suite.staff, 'GET', '/api/workbench')).json().todos;
    expect(
      staffTodos.find((todo: { key: string }) => todo.key === 'plan.reviewed').count,
    ).toBeGreaterThanOrEqual(2);
    const notice = await proposeApproveAndPublicise(setup);
    await endPublicity(notice.id);
    const todos = (await call(suite.staff, 'GET', '/api/workbench')).json().todos;
    expect(
      todos.find((todo: { key: string }) => todo.key === 'plan.publicityEnded').count,
    ).toBeGreaterThanOrEqual(1);
    const leaderTodos = (await call(suite.leader, 'GET', '/api/workbench')).json().todos;
    expect(leaderTodos.map((todo: { key: string }) => todo.key)).toContain('plan.proposed');
    const first = await sendPublicityEndedReminders(suite.test.db, '2030-01-01');
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await sendPublicityEndedReminders(suite.test.db, '2030-01-01')).toBe(0);
    const messages = (await call(suite.staff, 'GET', '/api/notifications')).json();
    expect(JSON.stringify(messages)).toContain('公示期已结束');
  });

  it('starts one 公示 for twenty replays of the same request', async () => {
    const setup = await setUpCall();
    await call(suite.staff, 'POST', `/api/plan-approval/calls/${setup.callId}/actions/propose`, {
      items: [{ applicationId: setup.firstId, version: 1, approvedFen: 100 * WAN }],
    });
    await call(suite.leader, 'POST', `/api/plan-approval/calls/${setup.callId}/actions/approve`, {
      items: [{ applicationId: setup.firstId, version: 2 }],
    });
    const replays = await Promise.all(
      Array.from({ length: 20 }, () =>
        suite.test.app.inject({
          method: 'POST',
          url: `/api/plan-approval/calls/${setup.callId}/publicity`,
          headers: { cookie: suite.staff.cookie, 'idempotency-key': `publicity-${setup.callId}` },
          payload: { items: [{ applicationId: setup.firstId, version: 3 }] },
        }),
      ),
    );
    expect(new Set(replays.map((response) => response.statusCode))).toEqual(new Set([201]));
    expect(new Set(replays.map((response) => response.json().id)).size).toBe(1);
    const notices = await suite.test.db
      .select()
      .from(publicityNotices)
      .where(eq(publicityNotices.callId, setup.callId));
    expect(notices).toHaveLength(1);
  });
});

describe('listing the staff notices', () => {
  it('lists notices with open objections for staff and refuses the public', async () => {
    const list = await call(suite.staff, 'GET', '/api/publicity-notices');
    expect(list.statusCode).toBe(200);
    expect((await call(null, 'GET', '/api/publicity-notices')).statusCode).toBe(401);
    const enterprise = await buildEnterprise(suite.test.app);
    expect((await call(enterprise, 'GET', '/api/plan-approval/calls')).statusCode).toBe(403);
  });
});

describe('cross-tenant', () => {
  it('keeps approval pages away from enterprises', async () => {
    const setup = await setUpCall();
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder: setup.second,
      secrets: ['智能液压控制系统研发'],
      requests: [
        { method: 'GET', url: `/api/plan-approval/calls/${setup.callId}` },
        {
          method: 'POST',
          url: `/api/plan-approval/calls/${setup.callId}/actions/propose`,
          payload: { items: [{ applicationId: setup.firstId, version: 1, approvedFen: 1 }] },
        },
      ],
    });
  });
});
