import type { Payout, PayoutDetail, PayoutPage, Policy } from '@kechuang/domain';
import { and, eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { buildPolicyInput, giveEnterpriseData, WAN } from './policy-test-helpers';

const suite = useTestApp({ staff: 'staff', reviewer: 'staff', leader: 'leader', observer: 'observer' });
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

const CORPORATE_ACCOUNT = '3700 1616 8010 5001 2345';

let documentSequence = 60;
/** A published policy whose 入库奖励 (2 万元, 20 working days) is on the 2020 list of a new enterprise. */
async function listedPayout(
  fulfilDays: number | null = 20,
): Promise<{ enterprise: Session; payout: Payout; policy: Policy }> {
  documentSequence += 1;
  const input = buildPolicyInput({ documentNo: `任政办发〔2020〕${documentSequence}号` });
  input.items[0].fulfilDays = fulfilDays;
  const created = await call(suite.staff, 'POST', '/api/policies', input);
  expect(created.statusCode, created.body).toBe(201);
  const draft = created.json() as Policy;
  await publish(draft);
  const policy = (await call(suite.staff, 'GET', `/api/policies/${draft.id}`)).json() as Policy;
  const enterprise = await buildEnterprise(suite.test.app);
  await giveEnterpriseData(suite.test.db, enterprise.enterpriseId, {
    rd2019Wan: 300,
    rd2020Wan: 420,
    techSme: true,
  });
  const award = policy.items[0];
  const confirmed = await call(suite.staff, 'POST', `/api/policies/items/${award.id}/payouts`, {
    year: 2020,
    enterpriseIds: [enterprise.enterpriseId],
    confirmedOn: '2020-12-15',
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  const page = (
    await call(suite.staff, 'GET', `/api/policies/payouts?itemId=${award.id}`)
  ).json() as PayoutPage;
  return { enterprise, payout: page.items[0], policy };
}

async function publish(draft: Policy) {
  await call(suite.staff, 'POST', `/api/policies/${draft.id}/actions/submit`, { version: draft.version });
  const published = await call(suite.reviewer, 'POST', `/api/policies/${draft.id}/actions/publish`, {
    version: draft.version + 1,
  });
  expect(published.statusCode, published.body).toBe(200);
}

const act = (session: Session, id: number, action: string, body: object) =>
  call(session, 'POST', `/api/policies/payouts/${id}/actions/${action}`, body);

async function pushAll(payout: Payout) {
  process.env.KECHUANG_TODAY = '2021-01-04';
  const pushed = await call(suite.staff, 'POST', `/api/policies/items/${payout.itemId}/payouts/push`, {
    year: 2020,
  });
  expect(pushed.json()).toEqual({ pushed: 1 });
  return (await call(suite.staff, 'GET', `/api/policies/payouts/${payout.id}`)).json() as PayoutDetail;
}

function expectFieldError(response: { statusCode: number; json(): unknown }, path: string, text: string) {
  expect(response.statusCode).toBe(400);
  const body = response.json() as { error: { details: { path: string; message: string }[] } };
  const detail = body.error.details[0];
  expect(detail.path).toBe(path);
  expect(detail.message).toContain(text);
}

describe('兑现 of a confirmed 免申即享 list', () => {
  it('pushes, the enterprise confirms its account, staff pay and archive, on the working-day clock', async () => {
    const { enterprise, payout } = await listedPayout();
    expect(payout).toMatchObject({ status: 'listed', statusLabel: '已列入兑现名单', dueOn: null });

    const pushed = await pushAll(payout);
    // 2021-01-04 + 20 working days on the official calendar.
    expect(pushed).toMatchObject({
      status: 'pushed',
      pushedOn: '2021-01-04',
      dueOn: '2021-02-01',
      timeLimitDays: 20,
      daysLeft: 20,
      overdue: false,
    });
    const told = await suite.test.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, enterprise.userId), like(notifications.title, '%入库奖励%')));
    expect(told).toHaveLength(1);

    const mine = (await call(enterprise, 'GET', `/api/policies/payouts/${payout.id}`)).json() as PayoutDetail;
    expect(mine.allowedActions.sort()).toEqual(['accept', 'decline']);
    const intruder = await buildEnterprise(suite.test.app);
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder,
      requests: [
        { method: 'GET', url: `/api/policies/payouts/${payout.id}` },
        {
          method: 'POST',
          url: `/api/policies/payouts/${payout.id}/actions/decline`,
          payload: { version: pushed.version, comment: '不要了' },
        },
      ],
      secrets: [mine.enterpriseName],
    });

    process.env.KECHUANG_TODAY = '2021-01-11';
    const account = { bankName: '中国建设银行济宁任城支行', bankAccountName: mine.enterpriseName };
    const version = pushed.version;
    expectFieldError(
      await act(enterprise, payout.id, 'accept', { version, ...account }),
      'bankAccount',
      '银行账号：必须填写',
    );
    expectFieldError(
      await act(enterprise, payout.id, 'accept', { version, ...account, bankAccount: '6222021234567890123' }),
      'bankAccount',
      '校验位不正确',
    );
    expectFieldError(
      await act(enterprise, payout.id, 'accept', { version, ...account, bankAccount: '12ab' }),
      'bankAccount',
      '9–30 位数字',
    );
    expectFieldError(
      await act(enterprise, payout.id, 'accept', {
        version,
        ...account,
        bankAccountName: '别人家公司',
        bankAccount: CORPORATE_ACCOUNT,
      }),
      'bankAccountName',
      '账户名称：应与企业名称一致',
    );
    // Staff cannot confirm on the enterprise's behalf.
    expect(
      (await act(suite.staff, payout.id, 'accept', { version, ...account, bankAccount: CORPORATE_ACCOUNT }))
        .statusCode,
    ).toBe(403);
    const accepted = await act(enterprise, payout.id, 'accept', {
      version,
      ...account,
      bankAccount: '6222021234567890128',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptedOn: '2021-01-11' });
    expect(
      (await act(enterprise, payout.id, 'accept', { version, ...account, bankAccount: CORPORATE_ACCOUNT }))
        .statusCode,
    ).toBe(409);

    // Staff send it back to correct the account; the enterprise confirms again.
    const returned = await act(suite.staff, payout.id, 'return', {
      version: version + 1,
      comment: '请提供对公账户',
    });
    expect(returned.json()).toMatchObject({ status: 'pushed', acceptedOn: null });
    const again = await act(enterprise, payout.id, 'accept', {
      version: version + 2,
      ...account,
      bankAccount: CORPORATE_ACCOUNT,
    });
    expect(again.json()).toMatchObject({ status: 'accepted', bankAccount: '37001616801050012345' });

    process.env.KECHUANG_TODAY = '2021-01-20';
    const payment = {
      version: version + 3,
      paidFen: 2 * WAN,
      paidOn: '2021-01-19',
      voucherNo: '记-2021-0107',
    };
    expect((await act(enterprise, payout.id, 'pay', payment)).statusCode).toBe(403);
    expectFieldError(
      await act(suite.staff, payout.id, 'pay', { ...payment, paidFen: 2 * WAN + 1 }),
      'paidFen',
      '拨付金额：不能高于确认的兑现金额',
    );
    expectFieldError(
      await act(suite.staff, payout.id, 'pay', { ...payment, paidOn: '2021-01-10' }),
      'paidOn',
      '拨付日期：不能早于企业确认日期',
    );
    expectFieldError(
      await act(suite.staff, payout.id, 'pay', { ...payment, voucherNo: undefined }),
      'voucherNo',
      '凭证号：必须填写',
    );
    const paid = await act(suite.staff, payout.id, 'pay', payment);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', paidFen: 2 * WAN, voucherNo: '记-2021-0107' });

    // The finance observer sees the payment and only the last digits of the account.
    const seen = (await call(suite.observer, 'GET', `/api/policies/payouts/${payout.id}`)).json();
    expect(seen).toMatchObject({ paidFen: 2 * WAN, bankAccount: '****************2345' });

    const archived = await act(suite.staff, payout.id, 'archive', { version: version + 4 });
    expect(archived.json()).toMatchObject({ status: 'archived', allowedActions: [] });
    expect((archived.json() as PayoutDetail).history.map((entry) => entry.action)).toEqual([
      'push',
      'accept',
      'return',
      'accept',
      'pay',
      'archive',
    ]);
  });

  it('a declined payout cannot be confirmed after, and is archived with the reason', async () => {
    // An item without a 兑现时限 runs no clock.
    const { enterprise, payout } = await listedPayout(null);
    const pushed = await pushAll(payout);
    expect(pushed).toMatchObject({ pushedOn: '2021-01-04', dueOn: null, daysLeft: null, overdue: false });
    expect((await act(enterprise, payout.id, 'decline', { version: pushed.version })).statusCode).toBe(400);
    const declined = await act(enterprise, payout.id, 'decline', {
      version: pushed.version,
      comment: '本年度已享受同类奖励',
    });
    expect(declined.json()).toMatchObject({ status: 'declined' });
    const late = await act(enterprise, payout.id, 'accept', {
      version: pushed.version + 1,
      bankName: '中国银行',
      bankAccountName: pushed.enterpriseName,
      bankAccount: CORPORATE_ACCOUNT,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('当前状态');
    const archived = await act(suite.staff, payout.id, 'archive', { version: pushed.version + 1 });
    expect(archived.json().status).toBe('archived');
  });

  it('shows an unanswered push as overdue, refuses a late confirmation and restarts the clock on a new push', async () => {
    const { enterprise, payout } = await listedPayout();
    const pushed = await pushAll(payout);
    process.env.KECHUANG_TODAY = '2021-02-03';
    const list = (
      await call(suite.staff, 'GET', `/api/policies/payouts?itemId=${payout.itemId}&status=pushed`)
    ).json() as PayoutPage;
    expect(list.items[0]).toMatchObject({ id: payout.id, overdue: true, daysLeft: -2 });
    const body = {
      version: pushed.version,
      bankName: '中国银行',
      bankAccountName: pushed.enterpriseName,
      bankAccount: CORPORATE_ACCOUNT,
    };
    expectFieldError(await act(enterprise, payout.id, 'accept', body), 'dueOn', '确认期限：已超过兑现时限');
    const repushed = await act(suite.staff, payout.id, 'repush', {
      version: pushed.version,
      comment: '企业联系人变更，重新推送',
    });
    expect(repushed.json()).toMatchObject({ pushedOn: '2021-02-03', overdue: false, daysLeft: 20 });
    const accepted = await act(enterprise, payout.id, 'accept', { ...body, version: pushed.version + 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });

  it('lets only one of two simultaneous confirmations through (409 for the other)', async () => {
    const { enterprise, payout } = await listedPayout();
    const pushed = await pushAll(payout);
    const body = {
      version: pushed.version,
      bankName: '中国银行',
      bankAccountName: pushed.enterpriseName,
      bankAccount: CORPORATE_ACCOUNT,
    };
    const answers = await Promise.all([
      act(enterprise, payout.id, 'accept', body),
      act(enterprise, payout.id, 'decline', { version: pushed.version, comment: '放弃' }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
  });
});
