import { chinaToday, type ServiceEvent, type ServiceEventType, type ServiceSignup } from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { serviceEvents } from '../../db/schema';
import { expectNoCrossTenantAccess } from '../../test/cross-tenant';
import { buildEnterprise, type Session } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';
import { sendEventReminders } from './reminders';

const suite = useTestApp({ staff: 'staff', leader: 'leader' });
const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  requestAs(suite.test.app, session, method, url, payload);

const shiftDays = (date: string, days: number) => {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
};

async function createEvent(overrides: Record<string, unknown> = {}): Promise<ServiceEvent> {
  const types = (await call(suite.staff, 'GET', '/api/services/event-types')).json()
    .items as ServiceEventType[];
  const today = chinaToday();
  const response = await call(suite.staff, 'POST', '/api/services/events', {
    typeId: types.find((type) => type.code === 'training')?.id,
    title: '高新技术企业认定政策专题培训班',
    topic: '高企认定条件、研发费用归集与申报材料',
    speakers: ['王教授', '区科技局高新技术科'],
    place: '区政务服务中心三楼会议室',
    onlineLink: null,
    heldOn: today,
    startTime: '09:30',
    capacity: 10,
    signupDeadline: today,
    audience: 'all',
    audienceNote: null,
    materials: ['《科技创新政策指引》', '培训课件'],
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as ServiceEvent;
}

const people = (count: number, prefix = '参会人') =>
  Array.from({ length: count }, (_, index) => ({
    name: `${prefix}${index + 1}`,
    phone: `1380000${String(index).padStart(4, '0')}`,
  }));

describe('service events', () => {
  it('signs up several people, checks them in by code, records a walk-in, feedback and an 答疑 answer as FAQ', async () => {
    const event = await createEvent();
    const company = await buildEnterprise(suite.test.app);
    const signed = await call(company, 'POST', `/api/services/events/${event.id}/signups`, {
      attendees: people(3),
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const signup = signed.json() as ServiceSignup;
    expect(signup.code).toMatch(/^[A-Z2-9]{8}$/);

    const again = await call(company, 'POST', `/api/services/events/${event.id}/signups`, {
      attendees: people(1),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].message).toContain('已报名');

    const other = await createEvent({ title: '另一期培训班' });
    const wrong = await call(suite.staff, 'POST', `/api/services/events/${other.id}/check-in`, {
      code: signup.code,
    });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.details[0].message).toContain('不属于本次活动');

    const early = await call(company, 'PUT', `/api/services/events/${event.id}/feedback`, {
      satisfaction: 5,
      comment: null,
    });
    expect(early.statusCode).toBe(409);

    const checked = await call(suite.staff, 'POST', `/api/services/events/${event.id}/check-in`, {
      code: signup.code.toLowerCase(),
    });
    expect(checked.statusCode, checked.body).toBe(200);
    expect((checked.json() as ServiceEvent).attended).toBe(3);
    const twice = await call(suite.staff, 'POST', `/api/services/events/${event.id}/check-in`, {
      code: signup.code,
    });
    expect(twice.statusCode).toBe(409);

    const walkIn = await call(suite.staff, 'POST', `/api/services/events/${event.id}/walk-ins`, {
      organisation: '济宁某新材料有限公司',
      attendees: people(2, '现场'),
    });
    expect(walkIn.statusCode, walkIn.body).toBe(200);
    expect(walkIn.json()).toMatchObject({ signedUp: 3, attended: 5, placesLeft: 7 });

    const feedback = await call(company, 'PUT', `/api/services/events/${event.id}/feedback`, {
      satisfaction: 4,
      comment: '讲解清楚',
    });
    expect(feedback.statusCode, feedback.body).toBe(200);

    const asked = await call(company, 'POST', `/api/services/events/${event.id}/questions`, {
      question: '研发费用加计扣除比例是多少？',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const question = (asked.json() as ServiceEvent).questions[0];
    const answered = await call(
      suite.staff,
      'PUT',
      `/api/services/events/${event.id}/questions/${question.id}`,
      {
        answer: '制造业企业按 100% 加计扣除。',
        isFaq: true,
      },
    );
    expect(answered.statusCode, answered.body).toBe(200);
    const detail = answered.json() as ServiceEvent;
    expect(detail).toMatchObject({ satisfactionAverage: 4, feedbackCount: 1 });
    const faq = await call(suite.leader, 'GET', '/api/services/faq');
    expect(faq.json().items.map((item: { question: string }) => item.question)).toContain(
      '研发费用加计扣除比例是多少？',
    );

    const mine = await call(company, 'GET', '/api/services/my-signups');
    expect(mine.json().items).toEqual([expect.objectContaining({ code: signup.code, satisfaction: 4 })]);

    // Another enterprise sees the event but not the first one's sign-up, code or question.
    const intruder = await buildEnterprise(suite.test.app);
    const seen = await call(intruder, 'GET', `/api/services/events/${event.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain(signup.code);
    expect((seen.json() as ServiceEvent).signups).toEqual([]);
    await expectNoCrossTenantAccess(suite.test.app, {
      intruder,
      requests: [
        {
          method: 'PUT',
          url: `/api/services/events/${event.id}/feedback`,
          payload: { satisfaction: 1, comment: null },
        },
        { method: 'POST', url: `/api/services/events/${event.id}/check-in`, payload: { code: signup.code } },
      ],
      secrets: [signup.code],
    });
  });

  it('holds the capacity under concurrent sign-ups: of two for the last place one wins, the other is told it is full', async () => {
    const event = await createEvent({ capacity: 5 });
    const first = await buildEnterprise(suite.test.app);
    expect(
      (await call(first, 'POST', `/api/services/events/${event.id}/signups`, { attendees: people(4) }))
        .statusCode,
    ).toBe(201);
    const [a, b] = await Promise.all([buildEnterprise(suite.test.app), buildEnterprise(suite.test.app)]);
    const answers = await Promise.all(
      [a, b].map((company) =>
        call(company, 'POST', `/api/services/events/${event.id}/signups`, { attendees: people(1) }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    const refused = answers.find((answer) => answer.statusCode === 409);
    expect(refused?.json().error.details[0].message).toContain('名额已满');
    const detail = (
      await call(suite.staff, 'GET', `/api/services/events/${event.id}`)
    ).json() as ServiceEvent;
    expect(detail).toMatchObject({ signedUp: 5, placesLeft: 0 });
  });

  it('gives 50 concurrent sign-ups for the last 10 places exactly 10', async () => {
    const event = await createEvent({ capacity: 10 });
    const companies = await Promise.all(Array.from({ length: 50 }, () => buildEnterprise(suite.test.app)));
    const answers = await Promise.all(
      companies.map((company) =>
        call(company, 'POST', `/api/services/events/${event.id}/signups`, { attendees: people(1) }),
      ),
    );
    expect(answers.filter((answer) => answer.statusCode === 201)).toHaveLength(10);
    expect(answers.filter((answer) => answer.statusCode === 409)).toHaveLength(40);
    const detail = (
      await call(suite.staff, 'GET', `/api/services/events/${event.id}`)
    ).json() as ServiceEvent;
    expect(detail.signedUp).toBe(10);
  });

  it('refuses a sign-up after the event, a form without a place or link, and a capacity below the sign-ups', async () => {
    const past = chinaToday(new Date(Date.now() - 3 * 86_400_000));
    const event = await createEvent({ heldOn: past, signupDeadline: past });
    const company = await buildEnterprise(suite.test.app);
    const late = await call(company, 'POST', `/api/services/events/${event.id}/signups`, {
      attendees: people(1),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details[0].message).toContain('报名已截止');

    const types = (await call(suite.staff, 'GET', '/api/services/event-types')).json()
      .items as ServiceEventType[];
    const nowhere = await call(suite.staff, 'POST', '/api/services/events', {
      typeId: types[0].id,
      title: '无地点',
      topic: '—',
      speakers: [],
      place: null,
      onlineLink: null,
      heldOn: chinaToday(),
      startTime: '25:00',
      capacity: 10,
      signupDeadline: shiftDays(chinaToday(), 1),
      audience: 'all',
      audienceNote: null,
      materials: [],
    });
    expect(nowhere.statusCode).toBe(400);
    const messages = nowhere
      .json()
      .error.details.map((detail: { message: string }) => detail.message)
      .join(' ');
    expect(messages).toContain('举办地点');
    expect(messages).toContain('开始时间');
    expect(messages).toContain('报名截止日期');

    const open = await createEvent({ capacity: 6 });
    await call(company, 'POST', `/api/services/events/${open.id}/signups`, { attendees: people(4) });
    const [row] = await suite.test.db.select().from(serviceEvents).where(eq(serviceEvents.id, open.id));
    const { id: _id, createdAt: _c, updatedAt: _u, version, ...fields } = row;
    const shrink = await call(suite.staff, 'PUT', `/api/services/events/${open.id}`, {
      ...fields,
      capacity: 3,
      version,
    });
    expect(shrink.statusCode).toBe(400);
    expect(shrink.json().error.details[0].message).toContain('已有 4 人报名');
  });

  it('reminds the signed-up enterprise the day before, with its code, once', async () => {
    const today = chinaToday();
    const tomorrow = shiftDays(today, 1);
    const event = await createEvent({ title: '明日答疑会', heldOn: tomorrow, signupDeadline: tomorrow });
    const company = await buildEnterprise(suite.test.app);
    const signed = await call(company, 'POST', `/api/services/events/${event.id}/signups`, {
      attendees: people(1),
    });
    const { code } = signed.json() as ServiceSignup;
    expect(await sendEventReminders(suite.test.db, today)).toBe(1);
    expect(await sendEventReminders(suite.test.db, today)).toBe(0);
    const inbox = await call(company, 'GET', '/api/notifications');
    expect(inbox.body).toContain('明日答疑会');
    expect(inbox.body).toContain(code);
  });
});
