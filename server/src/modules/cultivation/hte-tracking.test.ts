import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';

const suite = useTestApp({ staff: 'staff', helper: 'staff', leader: 'leader' });

const as = (session: Session) => ({ cookie: session.cookie });

async function createBatch(name: string, submissionDeadline: string) {
  const response = await suite.test.app.inject({
    method: 'POST',
    url: '/api/cultivation/hte-batches',
    headers: as(suite.staff),
    payload: { year: 2021, name, submissionDeadline },
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

describe('高企申报跟踪服务', () => {
  it('moves an enterprise through every stage with a helper team and service records, shown on the batch board', async () => {
    const batch = await createBatch('2021年第一批', '2099-06-30');
    const company = await buildEnterprise(suite.test.app);
    const created = await suite.test.app.inject({
      method: 'POST',
      url: '/api/cultivation/hte-applications',
      headers: as(suite.staff),
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

    const team = await suite.test.app.inject({
      method: 'PUT',
      url: `/api/cultivation/hte-applications/${id}/helpers`,
      headers: as(suite.staff),
      payload: {
        version: detail.application.version,
        leadUserId: suite.helper.userId,
        memberUserIds: [suite.staff.userId],
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
        [suite.helper.userId, true],
        [suite.staff.userId, false],
      ].sort(),
    );
    const told = await suite.test.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, suite.helper.userId));
    expect(told.some((message) => message.title.startsWith('高企申报帮扶'))).toBe(true);

    const record = await suite.test.app.inject({
      method: 'POST',
      url: `/api/cultivation/hte-applications/${id}/service-records`,
      headers: as(suite.helper),
      payload: { kind: 'visit', happenedOn: '2021-03-02', summary: '上门讲解研发费用归集口径' },
    });
    expect(record.json().serviceRecords).toMatchObject([
      { kind: 'visit', summary: '上门讲解研发费用归集口径' },
    ]);

    const steps: [Session, string, string | undefined][] = [
      [suite.staff, 'startCoaching', undefined],
      [company, 'markMaterialsReady', undefined],
      [suite.staff, 'submit', undefined],
      [suite.staff, 'startReview', undefined],
      [suite.staff, 'publish', undefined],
      [suite.staff, 'recognise', undefined],
    ];
    for (const [session, action, comment] of steps) {
      const current = (
        await suite.test.app.inject({
          method: 'GET',
          url: `/api/cultivation/hte-applications/${id}`,
          headers: as(session),
        })
      ).json();
      expect(current.allowedActions).toContain(action);
      const moved = await suite.test.app.inject({
        method: 'POST',
        url: `/api/cultivation/hte-applications/${id}/actions/${action}`,
        headers: as(session),
        payload: { version: current.application.version, comment },
      });
      expect(moved.statusCode, action).toBe(200);
    }
    detail = (
      await suite.test.app.inject({
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
      await suite.test.app.inject({
        method: 'GET',
        url: `/api/cultivation/hte-batches/${batch.id}/board`,
        headers: as(suite.leader),
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
    const late = await buildEnterprise(suite.test.app);
    await suite.test.app.inject({
      method: 'POST',
      url: '/api/cultivation/hte-applications',
      headers: as(late),
      payload: { batchId: batch.id },
    });
    const board = (
      await suite.test.app.inject({
        method: 'GET',
        url: `/api/cultivation/hte-batches/${batch.id}/board`,
        headers: as(suite.staff),
      })
    ).json();
    expect(board.overdueCount).toBe(1);
    expect(board.columns[0].items[0]).toMatchObject({ enterpriseId: late.enterpriseId, isOverdue: true });
    const batches = (
      await suite.test.app.inject({
        method: 'GET',
        url: '/api/cultivation/hte-batches?year=2021',
        headers: as(suite.staff),
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
    const owner = await buildEnterprise(suite.test.app);
    const first = await suite.test.app.inject({
      method: 'POST',
      url: '/api/cultivation/hte-applications',
      headers: as(owner),
      payload: { batchId: batch.id },
    });
    expect(first.statusCode).toBe(201);
    const again = await suite.test.app.inject({
      method: 'POST',
      url: '/api/cultivation/hte-applications',
      headers: as(suite.staff),
      payload: { enterpriseId: owner.enterpriseId, batchId: batch.id },
    });
    expect(again.statusCode).toBe(409);
    const intruder = await buildEnterprise(suite.test.app);
    const id = first.json().application.id;
    await expectNoCrossTenantAccess(suite.test.app, {
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
      await suite.test.app.inject({
        method: 'GET',
        url: '/api/cultivation/hte-applications',
        headers: as(intruder),
      })
    ).json();
    expect(mine.items).toEqual([]);
    const withdrawn = await suite.test.app.inject({
      method: 'POST',
      url: `/api/cultivation/hte-applications/${id}/actions/withdraw`,
      headers: as(owner),
      payload: { version: 1, comment: '今年研发投入不足，明年再报' },
    });
    expect(withdrawn.json().application.status).toBe('withdrawn');
  });
});
