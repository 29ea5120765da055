import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, buildSession, type Session } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

let test: TestApp;
let staff: Session;
let helper: Session;
let leader: Session;
beforeAll(async () => {
  test = await createTestApp();
  staff = await buildSession(test.app, test.db, 'staff');
  helper = await buildSession(test.app, test.db, 'staff');
  leader = await buildSession(test.app, test.db, 'leader');
});
afterAll(() => test.close());

const as = (session: Session) => ({ cookie: session.cookie });

async function createBatch(name: string, submissionDeadline: string) {
  const response = await test.app.inject({
    method: 'POST',
    url: '/api/cultivation/hte-batches',
    headers: as(staff),
    payload: { year: 2021, name, submissionDeadline },
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

describe('高企申报跟踪服务', () => {
  it('moves an enterprise through every stage with a helper team and service records, shown on the batch board', async () => {
    const batch = await createBatch('2021年第一批', '2099-06-30');
    const company = await buildEnterprise(test.app);
    const created = await test.app.inject({
      method: 'POST',
      url: '/api/cultivation/hte-applications',
      headers: as(staff),
      payload: { enterpriseId: company.enterpriseId, batchId: batch.id },
    });
    expect(created.statusCode).toBe(201);
    let detail = created.json();
    expect(detail.application).toMatchObject({
      status: 'intent',
      year: 2021,
      batchName: '2021年第一批',
      isOverdue: false,
    });
    const id = detail.application.id;

    const team = await test.app.inject({
      method: 'PUT',
      url: `/api/cultivation/hte-applications/${id}/helpers`,
      headers: as(staff),
      payload: {
        version: detail.application.version,
        leadUserId: helper.userId,
        memberUserIds: [staff.userId],
      },
    });
    expect(team.statusCode).toBe(200);
    detail = team.json();
    expect(
      detail.application.helpers
        .map((item: { userId: number; isLead: boolean }) => [item.userId, item.isLead])
        .sort(),
    ).toEqual(
      [
        [helper.userId, true],
        [staff.userId, false],
      ].sort(),
    );
    const told = await test.db.select().from(notifications).where(eq(notifications.userId, helper.userId));
    expect(told.some((message) => message.title.startsWith('高企申报帮扶'))).toBe(true);

    const record = await test.app.inject({
      method: 'POST',
      url: `/api/cultivation/hte-applications/${id}/service-records`,
      headers: as(helper),
      payload: { kind: 'visit', happenedOn: '2021-03-02', summary: '上门讲解研发费用归集口径' },
    });
    expect(record.json().serviceRecords).toMatchObject([
      { kind: 'visit', summary: '上门讲解研发费用归集口径' },
    ]);

    const steps: [Session, string, string | undefined][] = [
      [staff, 'startCoaching', undefined],
      [company, 'markMaterialsReady', undefined],
      [staff, 'submit', undefined],
      [staff, 'startReview', undefined],
      [staff, 'publish', undefined],
      [staff, 'recognise', undefined],
    ];
    for (const [session, action, comment] of steps) {
      const current = (
        await test.app.inject({
          method: 'GET',
          url: `/api/cultivation/hte-applications/${id}`,
          headers: as(session),
        })
      ).json();
      expect(current.allowedActions).toContain(action);
      const moved = await test.app.inject({
        method: 'POST',
        url: `/api/cultivation/hte-applications/${id}/actions/${action}`,
        headers: as(session),
        payload: { version: current.application.version, comment },
      });
      expect(moved.statusCode, action).toBe(200);
    }
    detail = (
      await test.app.inject({
        method: 'GET',
        url: `/api/cultivation/hte-applications/${id}`,
        headers: as(company),
      })
    ).json();
    expect(detail.application.status).toBe('recognised');
    expect(detail.history.map((entry: { action: string }) => entry.action)).toEqual([
      'create',
      'startCoaching',
      'markMaterialsReady',
      'submit',
      'startReview',
      'publish',
      'recognise',
    ]);

    const board = (
      await test.app.inject({
        method: 'GET',
        url: `/api/cultivation/hte-batches/${batch.id}/board`,
        headers: as(leader),
      })
    ).json();
    expect(board.columns.map((column: { status: string }) => column.status)).toEqual([
      'intent',
      'coaching',
      'materialsReady',
      'submitted',
      'expertReview',
      'publicity',
      'recognised',
      'notRecognised',
      'withdrawn',
    ]);
    expect(
      board.columns.find((column: { status: string }) => column.status === 'recognised').items[0]
        .enterpriseId,
    ).toBe(company.enterpriseId);
  });

  it('flags applications still before submission after the batch deadline as overdue', async () => {
    const batch = await createBatch('2021年第二批', '2021-05-31');
    const late = await buildEnterprise(test.app);
    await test.app.inject({
      method: 'POST',
      url: '/api/cultivation/hte-applications',
      headers: as(late),
      payload: { batchId: batch.id },
    });
    const board = (
      await test.app.inject({
        method: 'GET',
        url: `/api/cultivation/hte-batches/${batch.id}/board`,
        headers: as(staff),
      })
    ).json();
    expect(board.overdueCount).toBe(1);
    expect(board.columns[0].items[0]).toMatchObject({ enterpriseId: late.enterpriseId, isOverdue: true });
    const batches = (
      await test.app.inject({
        method: 'GET',
        url: '/api/cultivation/hte-batches?year=2021',
        headers: as(staff),
      })
    ).json();
    expect(
      batches.items.map((item: { name: string; applicationCount: number }) => [
        item.name,
        item.applicationCount,
      ]),
    ).toEqual([
      ['2021年第二批', 1],
      ['2021年第一批', 1],
    ]);
  });

  it('allows one application per enterprise per year, and keeps enterprises out of each other’s', async () => {
    const batch = await createBatch('2021年第三批', '2099-09-30');
    const owner = await buildEnterprise(test.app);
    const first = await test.app.inject({
      method: 'POST',
      url: '/api/cultivation/hte-applications',
      headers: as(owner),
      payload: { batchId: batch.id },
    });
    expect(first.statusCode).toBe(201);
    const again = await test.app.inject({
      method: 'POST',
      url: '/api/cultivation/hte-applications',
      headers: as(staff),
      payload: { enterpriseId: owner.enterpriseId, batchId: batch.id },
    });
    expect(again.statusCode).toBe(409);
    const intruder = await buildEnterprise(test.app);
    const id = first.json().application.id;
    await expectNoCrossTenantAccess(test.app, {
      intruder,
      secrets: [owner.username],
      requests: [
        { method: 'GET', url: `/api/cultivation/hte-applications/${id}` },
        {
          method: 'POST',
          url: `/api/cultivation/hte-applications/${id}/actions/withdraw`,
          payload: { version: 1, comment: '不申报了' },
        },
      ],
    });
    const mine = (
      await test.app.inject({
        method: 'GET',
        url: '/api/cultivation/hte-applications',
        headers: as(intruder),
      })
    ).json();
    expect(mine.items).toEqual([]);
    const withdrawn = await test.app.inject({
      method: 'POST',
      url: `/api/cultivation/hte-applications/${id}/actions/withdraw`,
      headers: as(owner),
      payload: { version: 1, comment: '今年研发投入不足，明年再报' },
    });
    expect(withdrawn.json().application.status).toBe('withdrawn');
  });
});
