import { chinaToday, type ServiceEvent, type ServiceEventType } from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enterprises, enterpriseTiers, tierLabels } from '../../db/schema';
import { buildEnterprise, type Session } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';

const suite = useTestApp({ staff: 'staff' });
const call = (session: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  requestAs(suite.test.app, session, method, url, payload);

async function eventFor(audience: Record<string, unknown>) {
  const types = (await call(suite.staff, 'GET', '/api/services/event-types')).json()
    .items as ServiceEventType[];
  const today = chinaToday();
  return call(suite.staff, 'POST', '/api/services/events', {
    typeId: types[0].id,
    title: '定向培训',
    topic: '研发费用归集',
    speakers: [],
    place: '区科技局',
    onlineLink: null,
    heldOn: today,
    startTime: '09:30',
    capacity: 20,
    signupDeadline: today,
    audienceNote: null,
    materials: [],
    ...audience,
  });
}

async function created(audience: Record<string, unknown>): Promise<ServiceEvent> {
  const response = await eventFor(audience);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const signUp = (session: Session, event: ServiceEvent) =>
  call(session, 'POST', `/api/services/events/${event.id}/signups`, {
    attendees: [{ name: '张三', phone: '13800001234' }],
  });

async function company(values: { street?: string; industry?: string }) {
  const session = await buildEnterprise(suite.test.app);
  await suite.test.db.update(enterprises).set(values).where(eq(enterprises.id, session.enterpriseId));
  return session;
}

describe('event audience rules at sign-up', () => {
  it('needs the scope of a tier, field, street or invited audience', async () => {
    const street = await eventFor({ audience: 'street' });
    expect(street.statusCode).toBe(400);
    expect(street.body).toContain('对象范围');
    const invited = await eventFor({ audience: 'invited', invitedEnterpriseIds: [] });
    expect(invited.statusCode).toBe(400);
    expect(invited.body).toContain('受邀企业');
  });

  it('admits enterprises of the street, field, tier or invitation and refuses others with the reason', async () => {
    const inStreet = await company({ street: '唐口街道', industry: '高端装备' });
    const elsewhere = await company({ street: '喻屯镇', industry: '新材料' });

    const all = await created({ audience: 'all' });
    expect((await signUp(elsewhere, all)).statusCode).toBe(201);

    const street = await created({ audience: 'street', audienceTargets: ['唐口街道'] });
    expect(street.audienceTargets).toEqual(['唐口街道']);
    expect((await signUp(inStreet, street)).statusCode).toBe(201);
    const refused = await signUp(elsewhere, street);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details[0].message).toBe(
      '本次活动仅面向指定街道（唐口街道），贵企业不在报名范围内',
    );

    const field = await created({ audience: 'field', audienceTargets: ['新材料', '生物医药'] });
    expect((await signUp(elsewhere, field)).statusCode).toBe(201);
    const notField = await signUp(inStreet, field);
    expect(notField.statusCode).toBe(409);
    expect(notField.body).toContain('指定领域（新材料、生物医药）');

    const [label] = await suite.test.db
      .insert(tierLabels)
      .values({ code: `gazelle_${process.pid}`, name: '瞪羚企业' })
      .returning();
    await suite.test.db.insert(enterpriseTiers).values({
      enterpriseId: inStreet.enterpriseId,
      tierLabelId: label.id,
      year: Number(chinaToday().slice(0, 4)) - 1,
    });
    const tier = await created({ audience: 'tier', audienceTargets: [label.code] });
    expect((await signUp(inStreet, tier)).statusCode).toBe(201);
    const notTier = await signUp(elsewhere, tier);
    expect(notTier.statusCode).toBe(409);
    expect(notTier.body).toContain('指定梯次（瞪羚企业）');

    const invited = await created({ audience: 'invited', invitedEnterpriseIds: [elsewhere.enterpriseId] });
    expect((await signUp(elsewhere, invited)).statusCode).toBe(201);
    const uninvited = await signUp(inStreet, invited);
    expect(uninvited.statusCode).toBe(409);
    expect(uninvited.body).toContain('仅面向受邀企业');
    // Nothing was saved for the refused ones.
    const detail = (await call(suite.staff, 'GET', `/api/services/events/${invited.id}`)).json();
    expect(detail.signedUp).toBe(1);
  });
});
