import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection';
import { useTestApp } from '../../test/test-app';
import { reviewRequests } from './review-fixtures';

const suite = useTestApp({ staff: 'staff' });

const { enterExpert, request } = reviewRequests(() => suite);

describe('expert pool', () => {
  it('enters, approves, masks contact and audits unmasking; Chinese errors name the field', async () => {
    const bad = await request(suite.staff, 'POST', '/api/reviews/experts', {
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
    const detail = (await request(suite.staff, 'GET', `/api/reviews/experts/${expert.id}`)).json();
    expect(detail.expert.status).toBe('active');
    expect(detail.expert.phoneMasked).toBe('138****5678');
    expect(JSON.stringify(detail)).not.toContain('13812345678');
    const contact = await request(suite.staff, 'POST', `/api/reviews/experts/${expert.id}/contact`);
    expect(contact.json().phone).toBe('13812345678');
    const [audit] = await queryRows<{ count: number }>(
      suite.test.db,
      sql`select count(*)::int as count from audit_log where event = 'expert.contact.reveal' and object_id = ${String(expert.id)}`,
    );
    expect(audit.count).toBe(1);
    const paused = await request(suite.staff, 'POST', `/api/reviews/experts/${expert.id}/actions/pause`, {
      version: detail.expert.version,
    });
    expect(paused.statusCode).toBe(400);
    expect(paused.json().error.message).toBe('请填写意见');
  });
});
