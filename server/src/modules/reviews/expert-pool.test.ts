import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection';
import { buildSession, type Session } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { buildExpert } from './review-fixtures';

let test: TestApp;
let staff: Session;
const enterExpert = (overrides: Record<string, unknown> = {}) =>
  buildExpert(test.app, test.db, staff, overrides);
beforeAll(async () => {
  test = await createTestApp();
  staff = await buildSession(test.app, test.db, 'staff');
});
afterAll(() => test.close());

const as = (session: Session) => ({ cookie: session.cookie });

async function request(session: Session | null, method: string, url: string, payload?: unknown) {
  return test.app.inject({
    method: method as 'GET',
    url,
    headers: session ? as(session) : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

describe('expert pool', () => {
  it('enters, approves, masks contact and audits unmasking; Chinese errors name the field', async () => {
    const bad = await request(staff, 'POST', '/api/reviews/experts', {
      username: 'x1',
      name: '',
      title: '正高级',
      fields: [],
      organisation: { name: '济宁学院' },
      phone: '123',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('专家姓名');
    expect(bad.json().error.message).toContain('专业领域');
    expect(bad.json().error.message).toContain('手机号');
    const expert = await enterExpert({ phone: '13812345678' });
    const detail = (await request(staff, 'GET', `/api/reviews/experts/${expert.id}`)).json();
    expect(detail.expert.status).toBe('active');
    expect(detail.expert.phoneMasked).toBe('138****5678');
    expect(JSON.stringify(detail)).not.toContain('13812345678');
    const contact = await request(staff, 'POST', `/api/reviews/experts/${expert.id}/contact`);
    expect(contact.json().phone).toBe('13812345678');
    const [audit] = await queryRows<{ count: number }>(
      test.db,
      sql`select count(*)::int as count from audit_log where event = 'expert.contact.reveal' and object_id = ${String(expert.id)}`,
    );
    expect(audit.count).toBe(1);
    const paused = await request(staff, 'POST', `/api/reviews/experts/${expert.id}/actions/pause`, {
      version: detail.expert.version,
    });
    expect(paused.statusCode).toBe(400);
    expect(paused.json().error.message).toBe('请填写意见');
  });
});
