import type { GuideEdition, Policy, PolicySubscription } from '@kechuang/domain';
import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { enterprises, notifications } from '../../db/schema';
import { buildEnterprise, type Session } from '../../test/factories';
import { useTestApp } from '../../test/test-app';
import { buildPolicyInput } from './policy-test-helpers';

const suite = useTestApp({ staff: 'staff', reviewer: 'staff', leader: 'leader' });

const call = (session: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  suite.test.app.inject({
    method,
    url,
    headers: session ? { cookie: session.cookie } : {},
    ...(payload ? { payload } : {}),
  });

async function publish(overrides: Parameters<typeof buildPolicyInput>[0]): Promise<Policy> {
  const created = (
    await call(suite.staff, 'POST', '/api/policies', buildPolicyInput(overrides))
  ).json() as Policy;
  await call(suite.staff, 'POST', `/api/policies/${created.id}/actions/submit`, { version: created.version });
  const published = await call(suite.reviewer, 'POST', `/api/policies/${created.id}/actions/publish`, {
    version: created.version + 1,
  });
  expect(published.statusCode, published.body).toBe(200);
  return published.json() as Policy;
}

async function verifiedEnterprise(): Promise<Session> {
  const session = await buildEnterprise(suite.test.app);
  await suite.test.db
    .update(enterprises)
    .set({ status: 'verified' })
    .where(eq(enterprises.id, session.enterpriseId));
  return session;
}

const noticesOf = (session: Session, title: string) =>
  suite.test.db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.userId, session.userId), eq(notifications.title, `新发布政策：《${title}》`)),
    );

describe('subscriptions', () => {
  it('tells a subscribed enterprise once of each published policy of its levels and themes', async () => {
    const district = await verifiedEnterprise();
    const everything = await verifiedEnterprise();
    const silent = await verifiedEnterprise();
    const first = await call(district, 'PUT', '/api/policies/subscription', {
      levels: ['district'],
      themes: ['rd'],
    });
    expect(first.json()).toMatchObject({ levels: ['district'], themes: ['rd'], version: 1, notified: 0 });
    expect(
      (await call(district, 'PUT', '/api/policies/subscription', { levels: ['district'], themes: [] }))
        .statusCode,
    ).toBe(409);
    expect(
      (await call(district, 'PUT', '/api/policies/subscription', { levels: ['county'], themes: [] })).json()
        .error.details[0].path,
    ).toBe('levels.0');
    await call(everything, 'PUT', '/api/policies/subscription', { levels: [], themes: [] });
    await call(silent, 'PUT', '/api/policies/subscription', { levels: ['national'], themes: [] });
    expect((await call(suite.staff, 'GET', '/api/policies/subscription')).statusCode).toBe(403);

    const rd = await publish({
      title: '任城区研发投入奖补办法',
      documentNo: '任政办发〔2021〕71号',
      theme: 'rd',
    });
    const talent = await publish({
      title: '任城区人才引进奖励办法',
      documentNo: '任政办发〔2021〕72号',
      theme: 'talent',
      items: [],
    });
    expect(await noticesOf(district, rd.title)).toHaveLength(1);
    expect(await noticesOf(district, talent.title)).toHaveLength(0);
    expect(await noticesOf(everything, rd.title)).toHaveLength(1);
    expect(await noticesOf(everything, talent.title)).toHaveLength(1);
    expect(await noticesOf(silent, rd.title)).toHaveLength(0);

    // A new version is a new document: told of it too, and still once.
    const next = await publish({
      title: '任城区研发投入奖补办法（2022年修订）',
      documentNo: '任政办发〔2022〕3号',
      theme: 'rd',
      supersedesId: rd.id,
    });
    expect(await noticesOf(district, next.title)).toHaveLength(1);
    const mine = (await call(district, 'GET', '/api/policies/subscription')).json() as PolicySubscription;
    expect(mine.notified).toBe(2);
  });
});

describe('kept editions of the 《指引》', () => {
  it('keeps each generation with its number, file and the policy versions it was built from', async () => {
    const policy = await publish({
      title: '任城区科技金融贴息办法',
      documentNo: '任政办发〔2019〕17号',
      theme: 'finance',
      effectiveFrom: '2019-01-01',
      writtenOn: '2019-01-01',
      publishedOn: '2019-01-05',
      effectiveTo: '2019-12-31',
      items: [],
    });
    const first = await call(suite.staff, 'POST', '/api/policies/guide/editions', { edition: 2019 });
    expect(first.statusCode, first.body).toBe(201);
    const second = (
      await call(suite.staff, 'POST', '/api/policies/guide/editions', { edition: 2019 })
    ).json();
    expect(first.json()).toMatchObject({ edition: 2019, number: 1 });
    expect(second).toMatchObject({ edition: 2019, number: 2 });
    expect((first.json() as GuideEdition).policyVersions).toContainEqual({
      id: policy.id,
      version: policy.version,
      documentNo: '任政办发〔2019〕17号',
      title: '任城区科技金融贴息办法',
    });
    expect(
      (await call(suite.leader, 'POST', '/api/policies/guide/editions', { edition: 2019 })).statusCode,
    ).toBe(403);
    expect(
      (await call(suite.staff, 'POST', '/api/policies/guide/editions', { edition: 1999 })).statusCode,
    ).toBe(400);

    const listed = (await call(suite.leader, 'GET', '/api/policies/guide/editions?edition=2019')).json();
    expect(listed.items.map((item: GuideEdition) => item.number)).toEqual([2, 1]);
    // Each edition says how many items it holds and how many copies of its year were handed out.
    const counted = listed.items[0] as GuideEdition;
    expect(counted.itemCount).toBeGreaterThanOrEqual(policy.items.length);
    const distributed = await call(suite.staff, 'POST', '/api/policies/guide/distributions', {
      edition: 2019,
      recipient: '2019年科技政策宣讲会',
      copies: 120,
      distributedOn: '2019-11-20',
    });
    expect(distributed.statusCode, distributed.body).toBe(201);
    const recounted = (await call(suite.leader, 'GET', '/api/policies/guide/editions?edition=2019')).json();
    expect((recounted.items[0] as GuideEdition).copiesDistributed).toBe(counted.copiesDistributed + 120);
    const download = await call(
      suite.leader,
      'GET',
      `/api/policies/guide/editions/${first.json().id}/document`,
    );
    expect(download.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(download.rawPayload);
    expect(await zip.file('word/document.xml')?.async('string')).toContain('任政办发〔2019〕17号');
    expect((await call(suite.leader, 'GET', '/api/policies/guide/editions/999999/document')).statusCode).toBe(
      404,
    );
  });
});
