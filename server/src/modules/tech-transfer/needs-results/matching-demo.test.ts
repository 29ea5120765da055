import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/connection';
import { useDemoDistrict } from '../../../demo/demo-test-helpers';
import { DEMO_PASSWORD } from '../../../demo/rencheng';
import { logIn } from '../../../test/factories';
import { requestAs } from '../../../test/test-app';

const suite = useDemoDistrict();

describe('the demo district’s 产学研对接', () => {
  it('has needs and results in the four lead industries, 对接 records at every stage and the three institutes’ events', async () => {
    const { db } = suite.test;
    const industries = await queryRows<{ industry: string }>(
      db,
      sql`select distinct industry from tech_needs where status = 'published' order by industry`,
    );
    expect(industries.map((row) => row.industry)).toEqual(
      expect.arrayContaining(['advanced-manufacturing', 'fine-chemicals', 'food-medicine', 'it']),
    );
    const stages = await queryRows<{ status: string }>(db, sql`select distinct status from tech_matchings`);
    expect(stages.map((row) => row.status).sort()).toEqual([
      'agreement',
      'ended',
      'introduced',
      'met',
      'signed',
    ]);
    const reasons = await queryRows<{ reason: string }>(db, sql`select reason from tech_matchings`);
    expect(reasons.every((row) => row.reason.startsWith('共同关键词：'))).toBe(true);
    const events = await queryRows<{ title: string; signups: number }>(
      db,
      sql`select e.title, (select count(*)::int from tech_event_signups s where s.event_id = e.id) as signups from tech_events e order by e.id`,
    );
    expect(events.map((row) => row.title).join()).toMatch(
      /山东省科学院.*山东省农业科学院.*济宁市产业技术研究院/,
    );
    expect(events.every((row) => row.signups > 0)).toBe(true);
  });

  it('suggests the catalyst result for the catalyst need to the bureau', async () => {
    const { app, db } = suite.test;
    const [need] = await queryRows<{ id: number }>(
      db,
      sql`select id from tech_needs where title = '加氢催化剂国产化替代'`,
    );
    const staff = await logIn(app, 'staff01', DEMO_PASSWORD);
    const response = await requestAs(app, staff, 'GET', `/api/tech-transfer/needs/${need.id}/suggestions`);
    expect(response.json().results[0]).toMatchObject({ title: '高活性镍基加氢催化剂及连续化制备技术' });
    expect(response.json().results[0].reason).toContain('催化剂');
  });
});
