import type { Payout, PayoutPage, Policy, PolicyApplication, PolicyApplicationForm } from '@kechuang/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { buildPolicyInput, giveEnterpriseData, WAN } from './policy-test-helpers';

const suite = useTestApp({ staff: 'staff', reviewer: 'staff', leader: 'leader' });
afterEach(() => {
  delete process.env.KECHUANG_TODAY;
});

const call = (session: Session | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  suite.test.app.inject({
    method,
    url,
    headers: session ? { cookie: session.cookie } : {},
    ...(payload ? { payload } : {}),
  });

/**
 * A 快申快享 item: a 科小 (decided from data), 研发 above 100 万 (data, scoring), and a 知识产权
 * certificate (a document only the enterprise holds); 5 万元, applications open in 2021.
 */
async function publishFastItem(): Promise<number> {
  const input = buildPolicyInput({ documentNo: '任政办发〔2021〕5号', items: [] });
  input.items = [
    {
      title: '知识产权质押融资贴息',
      type: 'award',
      beneficiaries: '以知识产权质押获得贷款的科技型中小企业',
      conditions: [
        {
          field: 'techSme.registered',
          operator: 'eq',
          value: true,
          required: true,
          evidence: 'data',
          document: null,
        },
        {
          field: 'figures.rdExpense',
          operator: 'gte',
          value: 100,
          required: false,
          evidence: 'data',
          document: null,
        },
        {
          field: 'enterprise.verified',
          operator: 'eq',
          value: true,
          required: true,
          evidence: 'applicant',
          document: '知识产权质押登记通知书',
        },
      ],
      amount: { kind: 'fixed', amountFen: 5 * WAN },
      fulfilMode: 'fast-application',
      fulfilDays: 15,
      windowFrom: '2021-03-01',
      windowTo: '2021-06-30',
      department: '任城区科学技术局',
      contact: '0537-2968036',
    },
  ];
  const created = (await call(suite.staff, 'POST', '/api/policies', input)).json() as Policy;
  await call(suite.staff, 'POST', `/api/policies/${created.id}/actions/submit`, { version: created.version });
  const published = await call(suite.reviewer, 'POST', `/api/policies/${created.id}/actions/publish`, {
    version: created.version + 1,
  });
  expect(published.statusCode, published.body).toBe(200);
  return (published.json() as Policy).items[0].id;
}

function expectField(response: { statusCode: number; json(): unknown }, path: string, text: string) {
  expect(response.statusCode).toBe(400);
  const detail = (response.json() as { error: { details: { path: string; message: string }[] } }).error
    .details[0];
  expect(detail).toMatchObject({ path });
  expect(detail.message).toContain(text);
}

describe('快申快享', () => {
  it('asks only for what the data cannot decide, staff return and approve it, and the payout follows', async () => {
    const itemId = await publishFastItem();
    const applicant = await buildEnterprise(suite.test.app);
    const lacking = await buildEnterprise(suite.test.app);
    for (const [session, techSme] of [
      [applicant, true],
      [lacking, false],
    ] as const) {
      // Figures of 2019–2020; the 2020 科小 entry counts for 2020.
      await giveEnterpriseData(suite.test.db, session.enterpriseId, {
        rd2019Wan: 90,
        rd2020Wan: 150,
        techSme,
      });
    }

    const form = (
      await call(applicant, 'GET', `/api/policies/items/${itemId}/application-form?year=2020`)
    ).json() as PolicyApplicationForm;
    expect(form.prefilled.map((condition) => [condition.index, condition.status])).toEqual([
      [0, 'met'],
      [1, 'met'],
    ]);
    expect(form.asked).toEqual([
      {
        index: 2,
        required: true,
        text: '需提交材料：知识产权质押登记通知书',
        document: '知识产权质押登记通知书',
      },
    ]);
    expect(form).toMatchObject({ outcome: 'unknown', amountFen: 5 * WAN, applicationId: null });

    const input = { itemId, year: 2020, materials: [{ index: 2, text: '鲁(2021)任城质押登记第0012号' }] };
    process.env.KECHUANG_TODAY = '2021-02-20';
    expectField(
      await call(applicant, 'POST', '/api/policies/applications', input),
      'itemId',
      '不在该事项的申报期内',
    );
    process.env.KECHUANG_TODAY = '2021-03-15';
    expectField(
      await call(applicant, 'POST', '/api/policies/applications', { ...input, materials: [] }),
      'materials',
      '证明材料：缺少必备条件的证明材料',
    );
    expectField(
      await call(applicant, 'POST', '/api/policies/applications', {
        ...input,
        materials: [...input.materials, { index: 0, text: '科小入库编号' }],
      }),
      'materials.1.index',
      '该条件已由部门数据判定，无需提交材料',
    );
    expectField(
      await call(lacking, 'POST', '/api/policies/applications', input),
      'itemId',
      '企业不满足该事项的必备条件',
    );
    const created = await call(applicant, 'POST', '/api/policies/applications', input);
    expect(created.statusCode, created.body).toBe(201);
    const application = created.json() as PolicyApplication;
    expect(application).toMatchObject({ status: 'submitted', submittedOn: '2021-03-15', amountFen: 5 * WAN });
    expectField(
      await call(applicant, 'POST', '/api/policies/applications', input),
      'itemId',
      '本年度已申请该事项',
    );

    await expectNoCrossTenantAccess(suite.test.app, {
      intruder: lacking,
      requests: [
        { method: 'GET', url: `/api/policies/applications/${application.id}` },
        {
          method: 'POST',
          url: `/api/policies/applications/${application.id}/actions/resubmit`,
          payload: { version: 1 },
        },
      ],
      secrets: [application.enterpriseName],
    });
    expect((await call(lacking, 'GET', '/api/policies/applications')).json().items).toEqual([]);

    const act = (session: Session, action: string, body: object) =>
      call(session, 'POST', `/api/policies/applications/${application.id}/actions/${action}`, body);
    expect((await act(applicant, 'approve', { version: 1 })).statusCode).toBe(403);
    const returned = await act(suite.staff, 'return', { version: 1, comment: '登记通知书编号不清，请补正' });
    expect(returned.json()).toMatchObject({ status: 'returned' });
    const resubmitted = await act(applicant, 'resubmit', {
      version: 2,
      materials: [{ index: 2, text: '鲁(2021)任城质押登记第0012号，附登记通知书扫描件' }],
    });
    expect(resubmitted.json()).toMatchObject({ status: 'submitted' });
    expect((await act(suite.staff, 'approve', { version: 2 })).statusCode).toBe(409);
    const approved = await act(suite.staff, 'approve', { version: 3 });
    expect(approved.statusCode, approved.body).toBe(200);
    const done = approved.json() as PolicyApplication;
    expect(done.status).toBe('approved');
    expect(done.history.map((entry) => entry.action)).toEqual(['apply', 'return', 'resubmit', 'approve']);

    // The same tail as 免申即享: the payout is listed and goes to the enterprise.
    const payouts = (
      await call(applicant, 'GET', `/api/policies/payouts?itemId=${itemId}`)
    ).json() as PayoutPage;
    const payout = payouts.items[0] as Payout;
    expect(payout).toMatchObject({ id: done.payoutId, status: 'listed', amountFen: 5 * WAN });
    expect(payout.reasons.at(-1)).toContain('知识产权质押登记通知书');
    const pushed = await call(suite.staff, 'POST', `/api/policies/items/${itemId}/payouts/push`, {
      year: 2020,
    });
    expect(pushed.json()).toEqual({ pushed: 1 });
  });
});
