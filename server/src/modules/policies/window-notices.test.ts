import type { ItemNotices, Policy } from '@kechuang/domain';
import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enterprises, notifications, policyItemNotices, settings } from '../../db/schema';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { buildPolicyInput } from './policy-test-helpers';
import { POLICY_SETTINGS_KEY, sendWindowNotices } from './window-notices';

const suite = useTestApp({ staff: 'staff', reviewer: 'staff', leader: 'leader', admin: 'sysadmin' });

const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  suite.test.app.inject({
    method,
    url,
    headers: { cookie: session.cookie },
    ...(payload ? { payload } : {}),
  });

const STREET = '南张街道';
let documentSequence = 200;

/** A published district 研发 policy whose first item, for enterprises of one street, opens 1 June 2026. */
async function publishWindowPolicy(windowFrom: string, windowTo: string): Promise<Policy> {
  documentSequence += 1;
  const input = buildPolicyInput({
    title: `任城区研发平台奖补办法（${documentSequence}）`,
    documentNo: `任政办发〔2026〕${documentSequence}号`,
    effectiveFrom: '2026-01-01',
    writtenOn: '2026-03-01',
    publishedOn: '2026-03-05',
  });
  input.items[0] = {
    ...input.items[0],
    title: `街道研发平台奖补（${documentSequence}）`,
    conditions: [
      {
        field: 'enterprise.street',
        operator: 'eq',
        value: STREET,
        required: true,
        evidence: 'data',
        document: null,
      },
    ],
    windowFrom,
    windowTo,
  };
  const created = await call(suite.staff, 'POST', '/api/policies', input);
  expect(created.statusCode, created.body).toBe(201);
  const draft = created.json() as Policy;
  await call(suite.staff, 'POST', `/api/policies/${draft.id}/actions/submit`, { version: draft.version });
  const published = await call(suite.reviewer, 'POST', `/api/policies/${draft.id}/actions/publish`, {
    version: draft.version + 1,
  });
  expect(published.statusCode, published.body).toBe(200);
  return published.json() as Policy;
}

async function enterpriseOn(street: string | null, status: 'verified' | 'pending' = 'verified') {
  const session = await buildEnterprise(suite.test.app);
  await suite.test.db
    .update(enterprises)
    .set({ status, street })
    .where(eq(enterprises.id, session.enterpriseId));
  return session;
}

const remindersOf = (session: Session, itemTitle: string) =>
  suite.test.db
    .select({ title: notifications.title })
    .from(notifications)
    .where(and(eq(notifications.userId, session.userId), like(notifications.title, `%${itemTitle}`)))
    .then((rows) => rows.map((row) => row.title));

describe('reminders on an item’s application window', () => {
  it('tell matching and subscribed enterprises once when the window opens and N working days before it closes', async () => {
    const matching = await enterpriseOn(STREET);
    const subscribed = await enterpriseOn('其他街道');
    const elsewhere = await enterpriseOn('其他街道');
    const otherTheme = await enterpriseOn('其他街道');
    const unverified = await enterpriseOn(STREET, 'pending');
    expect(
      (await call(subscribed, 'PUT', '/api/policies/subscription', { levels: ['district'], themes: ['rd'] }))
        .statusCode,
    ).toBe(200);
    await call(otherTheme, 'PUT', '/api/policies/subscription', { levels: [], themes: ['talent'] });
    // Window Monday 1 June – Wednesday 10 June 2026; the default reminder is 3 working days before.
    const policy = await publishWindowPolicy('2026-06-01', '2026-06-10');
    const item = policy.items[0];

    // Before the window: nothing.
    expect(await sendWindowNotices(suite.test.db, '2026-05-29')).toBe(0);
    // It opens: each of the two is told once, however often the job runs that day.
    const opened = await sendWindowNotices(suite.test.db, '2026-06-01');
    expect(opened).toBeGreaterThanOrEqual(2);
    expect(await sendWindowNotices(suite.test.db, '2026-06-01')).toBe(0);
    expect(await sendWindowNotices(suite.test.db, '2026-06-02')).toBe(0);
    const openTitle = `政策事项开始受理：${item.title}`;
    expect(await remindersOf(matching, item.title)).toEqual([openTitle]);
    expect(await remindersOf(subscribed, item.title)).toEqual([openTitle]);
    for (const silent of [elsewhere, otherTheme, unverified])
      expect(await remindersOf(silent, item.title)).toEqual([]);

    // Thursday 4 June: 3 working days on is Tuesday 9 June, before the close; Friday 5 June, across the
    // weekend, 3 working days on is Wednesday 10 June: the closing reminder goes out, once.
    expect(await sendWindowNotices(suite.test.db, '2026-06-04')).toBe(0);
    expect(await sendWindowNotices(suite.test.db, '2026-06-05')).toBeGreaterThanOrEqual(2);
    expect(await sendWindowNotices(suite.test.db, '2026-06-08')).toBe(0);
    const closingTitle = `政策事项即将截止：${item.title}`;
    expect(await remindersOf(matching, item.title)).toEqual([openTitle, closingTitle]);
    expect(await remindersOf(subscribed, item.title)).toEqual([openTitle, closingTitle]);
    expect(await remindersOf(elsewhere, item.title)).toEqual([]);
    // After the close: nothing more.
    expect(await sendWindowNotices(suite.test.db, '2026-06-11')).toBe(0);

    // 通知与响应: who was told what, for the bureau only.
    const view = await call(suite.leader, 'GET', `/api/policies/items/${item.id}/notices`);
    expect(view.statusCode, view.body).toBe(200);
    const notices = view.json() as ItemNotices;
    const mine = notices.items.find((row) => row.enterpriseId === matching.enterpriseId);
    expect(mine?.notices.map((notice) => notice.event)).toEqual(['window-open', 'closing-soon']);
    expect(mine?.response).toBeNull();
    const theirs = notices.items.find((row) => row.enterpriseId === subscribed.enterpriseId);
    // The subscriber was also told of the policy's publication.
    expect(theirs?.notices.map((notice) => notice.event)).toEqual([
      'new-match',
      'window-open',
      'closing-soon',
    ]);
    expect(notices.items.some((row) => row.enterpriseId === elsewhere.enterpriseId)).toBe(false);
    expect(notices.counts.windowOpen).toBe(notices.counts.closingSoon);
    expect(notices.counts.newMatch).toBeGreaterThanOrEqual(1);
    expect(notices.counts.acted).toBe(0);
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder: matching,
      requests: [{ method: 'GET', url: `/api/policies/items/${item.id}/notices` }],
      secrets: [subscribed.username],
    });
    expect((await call(suite.staff, 'GET', '/api/policies/items/999999/notices')).statusCode).toBe(404);
  });

  it('takes the closing reminder’s lead in working days from the module setting', async () => {
    const company = await enterpriseOn(STREET);
    // Window Monday 15 June – Friday 26 June 2026 (no holiday), reminder 1 working day before.
    await suite.test.db
      .insert(settings)
      .values({ key: POLICY_SETTINGS_KEY, value: { closingReminderDays: 1 } })
      .onConflictDoUpdate({ target: settings.key, set: { value: { closingReminderDays: 1 } } });
    const policy = await publishWindowPolicy('2026-06-15', '2026-06-26');
    const item = policy.items[0];
    await sendWindowNotices(suite.test.db, '2026-06-15');
    expect(await sendWindowNotices(suite.test.db, '2026-06-24')).toBe(0);
    expect(await sendWindowNotices(suite.test.db, '2026-06-25')).toBeGreaterThanOrEqual(1);
    const rows = await suite.test.db
      .select({ event: policyItemNotices.event, windowOn: policyItemNotices.windowOn })
      .from(policyItemNotices)
      .where(
        and(eq(policyItemNotices.itemId, item.id), eq(policyItemNotices.enterpriseId, company.enterpriseId)),
      )
      .orderBy(policyItemNotices.id);
    expect(rows).toEqual([
      { event: 'window-open', windowOn: '2026-06-15' },
      { event: 'closing-soon', windowOn: '2026-06-26' },
    ]);
    await suite.test.db.delete(settings).where(eq(settings.key, POLICY_SETTINGS_KEY));
  });

  it('the system administrator sets the closing reminder’s lead; stale saves, bad values and others refused', async () => {
    await suite.test.db.delete(settings).where(eq(settings.key, POLICY_SETTINGS_KEY));
    const initial = await call(suite.staff, 'GET', '/api/policies/settings');
    expect(initial.statusCode, initial.body).toBe(200);
    expect(initial.json()).toEqual({ closingReminderDays: 3, version: 0 });
    for (const bad of [0, 31, '三']) {
      const refused = await call(suite.admin, 'PUT', '/api/policies/settings', {
        closingReminderDays: bad,
        version: 1,
      });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.body).toContain('截止前提醒（工作日）');
    }
    const byStaff = await call(suite.staff, 'PUT', '/api/policies/settings', {
      closingReminderDays: 2,
      version: 1,
    });
    expect(byStaff.statusCode).toBe(403);
    const company = await enterpriseOn(STREET);
    expect([403, 404]).toContain((await call(company, 'GET', '/api/policies/settings')).statusCode);
    expect([403, 404]).toContain(
      (await call(company, 'PUT', '/api/policies/settings', { closingReminderDays: 2, version: 1 }))
        .statusCode,
    );

    const first = await call(suite.admin, 'PUT', '/api/policies/settings', {
      closingReminderDays: 2,
      version: 1,
    });
    expect(first.json()).toEqual({ closingReminderDays: 2, version: 1 });
    const saved = await call(suite.admin, 'PUT', '/api/policies/settings', {
      closingReminderDays: 1,
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ closingReminderDays: 1, version: 2 });
    // A save on the version read before someone else's save is refused.
    const stale = await call(suite.admin, 'PUT', '/api/policies/settings', {
      closingReminderDays: 5,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect((await call(suite.staff, 'GET', '/api/policies/settings')).json()).toEqual({
      closingReminderDays: 1,
      version: 2,
    });

    // The daily job follows the saved lead: window Monday 6 – Friday 17 July 2026, reminded on Thursday the 16th.
    const policy = await publishWindowPolicy('2026-07-06', '2026-07-17');
    const item = policy.items[0];
    const events = async () =>
      (
        await suite.test.db
          .select({ event: policyItemNotices.event })
          .from(policyItemNotices)
          .where(
            and(
              eq(policyItemNotices.itemId, item.id),
              eq(policyItemNotices.enterpriseId, company.enterpriseId),
            ),
          )
          .orderBy(policyItemNotices.id)
      ).map((row) => row.event);
    await sendWindowNotices(suite.test.db, '2026-07-06');
    await sendWindowNotices(suite.test.db, '2026-07-15');
    expect(await events()).toEqual(['window-open']);
    await sendWindowNotices(suite.test.db, '2026-07-16');
    expect(await events()).toEqual(['window-open', 'closing-soon']);
    await suite.test.db.delete(settings).where(eq(settings.key, POLICY_SETTINGS_KEY));
  });
});
