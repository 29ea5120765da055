import { describe, expect, it } from 'vitest';
import { buildEnterprise } from '../../../test/factories';
import { requestAs, useTestApp } from '../../../test/test-app';
import { postInstitution, postNeed, postResult } from './matching-test-helpers';

const suite = useTestApp({ staff: 'staff' });

function eventInput(overrides: Record<string, unknown> = {}) {
  return {
    title: '2026年任城区产学研精准对接活动（精细化工专场）',
    kind: 'session',
    heldOn: '2099-05-20',
    venue: '任城区科技创新服务中心',
    organiser: '任城区科学技术局',
    capacity: 3,
    signupDeadline: '2099-05-18',
    guests: [
      { kind: 'institution', name: '山东省科学院', institutionId: null, country: null },
      { kind: 'institution', name: '山东省农业科学院', institutionId: null, country: null },
      {
        kind: 'foreign-team',
        name: '德国弗劳恩霍夫化工技术研究所团队',
        institutionId: null,
        country: '德国',
      },
    ],
    agenda: [
      { time: '09:00', title: '集中推介：院所成果发布', stage: 'plenary' },
      { time: '10:30', title: '一对一洽谈', stage: 'one-to-one' },
      { time: '14:00', title: '走访企业', stage: 'visit' },
    ],
    needIds: [],
    resultIds: [],
    ...overrides,
  };
}

describe('对接活动', () => {
  it('fills exactly its capacity when more enterprises sign up at once, and records attendance', async () => {
    const { app } = suite.test;
    const created = await requestAs(app, suite.staff, 'POST', '/api/tech-transfer/events', eventInput());
    expect(created.statusCode).toBe(201);
    const event = created.json();
    const enterprises = await Promise.all(Array.from({ length: 7 }, () => buildEnterprise(app)));
    const answers = await Promise.all(
      enterprises.map((enterprise) =>
        requestAs(app, enterprise, 'POST', `/api/tech-transfer/events/${event.id}/signups`, {
          contactName: '刘经理',
          contactPhone: '13700137000',
          attendees: 2,
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses).toEqual([201, 201, 201, 409, 409, 409, 409]);
    const refused = answers.find((answer) => answer.statusCode === 409);
    expect(refused?.json().error.message).toBe('报名人数已满');

    const detail = (await requestAs(app, suite.staff, 'GET', `/api/tech-transfer/events/${event.id}`)).json();
    expect(detail).toMatchObject({ signupCount: 3, isSignupOpen: false });
    expect(detail.guests.map((guest: { name: string }) => guest.name)).toContain('山东省农业科学院');
    const signedUp = enterprises.filter((_, index) => answers[index].statusCode === 201);
    const again = await requestAs(app, signedUp[0], 'POST', `/api/tech-transfer/events/${event.id}/signups`, {
      contactName: '刘经理',
      contactPhone: '13700137000',
      attendees: 1,
    });
    expect(again.statusCode).toBe(409);
    const asEnterprise = (
      await requestAs(app, signedUp[0], 'GET', `/api/tech-transfer/events/${event.id}`)
    ).json();
    expect(asEnterprise).toMatchObject({ isSignedUp: true, signups: [], matchings: [] });

    const attended = await requestAs(
      app,
      suite.staff,
      'POST',
      `/api/tech-transfer/events/${event.id}/attendance`,
      {
        enterpriseId: signedUp[0].enterpriseId,
        attended: true,
      },
    );
    expect(attended.json().attendedCount).toBe(1);
    const stranger = enterprises.find((_, index) => answers[index].statusCode === 409);
    const notSignedUp = await requestAs(
      app,
      suite.staff,
      'POST',
      `/api/tech-transfer/events/${event.id}/attendance`,
      {
        enterpriseId: stranger?.enterpriseId,
        attended: true,
      },
    );
    expect(notSignedUp.statusCode).toBe(400);
    expect(notSignedUp.json().error.details[0].message).toContain('未报名');

    const shrink = await requestAs(app, suite.staff, 'PUT', `/api/tech-transfer/events/${event.id}`, {
      ...eventInput({ capacity: 2 }),
      version: event.version,
    });
    expect(shrink.statusCode).toBe(400);
    expect(shrink.json().error.details[0].message).toContain('企业名额');
  });

  it('carries the needs and results brought to it and the 对接 records that came out of it, hiding matched-only needs from enterprises', async () => {
    const { app } = suite.test;
    const enterprise = await buildEnterprise(app);
    const open = await postNeed(app, {
      enterprise,
      staff: suite.staff,
      input: { title: '公开：催化剂寿命提升' },
    });
    const hidden = await postNeed(app, {
      enterprise,
      staff: suite.staff,
      input: { title: '不公开：新型加氢工艺', visibility: 'matched' },
    });
    const institute = await postInstitution(app, suite.staff, { name: '济宁市产业技术研究院（测试）' });
    const result = await postResult(app, {
      author: suite.staff,
      staff: suite.staff,
      input: { institutionId: institute.id },
    });
    const created = await requestAs(app, suite.staff, 'POST', '/api/tech-transfer/events', {
      ...eventInput({ capacity: 50, needIds: [open.id, hidden.id], resultIds: [result.id] }),
    });
    const event = created.json();
    expect(event.needs.map((need: { title: string }) => need.title).sort()).toEqual(
      ['不公开：新型加氢工艺', '公开：催化剂寿命提升'].sort(),
    );
    const matching = await requestAs(app, suite.staff, 'POST', '/api/tech-transfer/matchings', {
      needId: open.id,
      resultId: result.id,
      expertId: null,
      eventId: event.id,
      note: '现场洽谈',
    });
    expect(matching.json()).toMatchObject({ source: 'event', eventTitle: event.title });
    const detail = (await requestAs(app, suite.staff, 'GET', `/api/tech-transfer/events/${event.id}`)).json();
    expect(detail.matchings).toEqual([expect.objectContaining({ needId: open.id, resultId: result.id })]);

    const other = await buildEnterprise(app);
    const seen = await requestAs(app, other, 'GET', `/api/tech-transfer/events/${event.id}`);
    expect(seen.json().needs.map((need: { id: number }) => need.id)).toEqual([open.id]);
    expect(seen.body).not.toContain('不公开：新型加氢工艺');
    const list = await requestAs(app, other, 'GET', '/api/tech-transfer/events');
    expect(list.json().items.find((item: { id: number }) => item.id === event.id).needIds).toEqual([]);
  });

  it('names bad input in Chinese: unpublished needs brought, a deadline after the event, a bad agenda time', async () => {
    const { app } = suite.test;
    const enterprise = await buildEnterprise(app);
    const pending = await postNeed(app, { enterprise });
    const notPublished = await requestAs(app, suite.staff, 'POST', '/api/tech-transfer/events', {
      ...eventInput({ needIds: [pending.id] }),
    });
    expect(notPublished.statusCode).toBe(400);
    expect(notPublished.json().error.details[0].message).toContain('带来的技术需求');
    const bad = await requestAs(app, suite.staff, 'POST', '/api/tech-transfer/events', {
      ...eventInput({
        signupDeadline: '2099-06-01',
        agenda: [{ time: '9点', title: '开幕', stage: 'plenary' }],
      }),
    });
    const messages = bad
      .json()
      .error.details.map((detail: { message: string }) => detail.message)
      .join('\n');
    expect(messages).toContain('报名截止日期：不能晚于活动日期');
    expect(messages).toContain('时间');
    const closed = await requestAs(app, suite.staff, 'POST', '/api/tech-transfer/events', {
      ...eventInput({ heldOn: '2020-05-20', signupDeadline: '2020-05-18' }),
    });
    const late = await requestAs(
      app,
      enterprise,
      'POST',
      `/api/tech-transfer/events/${closed.json().id}/signups`,
      {
        contactName: '刘经理',
        contactPhone: '13700137000',
        attendees: 1,
      },
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('报名已截止');
  });
});
