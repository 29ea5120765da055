import { addDays, chinaToday } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/connection';
import { createTestApp, type TestApp } from '../test/test-app';
import { seedDemoDistrict } from './load-demo';

/** Two days far apart on which the demo is loaded: whatever the day, the district is alive. */
const DAYS = [new Date('2026-12-07T09:30:00+08:00'), new Date('2028-03-15T09:30:00+08:00')];

describe.each(DAYS)('the demo loaded on %s', (today) => {
  const on = chinaToday(today);
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
    await seedDemoDistrict(test.db, { today });
  }, 240_000);
  afterAll(() => test.close());

  const count = async (query: ReturnType<typeof sql>) =>
    Number((await queryRows<{ total: number }>(test.db, query))[0].total);

  it('has a call accepting applications', async () => {
    expect(
      await count(sql`select count(*)::int as total from plan_calls
        where status = 'published' and opens_at <= ${today.toISOString()} and closes_at > ${today.toISOString()}`),
    ).toBe(1);
  });

  it('has an open review round with invitations waiting for expert01 before its deadline', async () => {
    expect(
      await count(sql`select count(*)::int as total from review_assignments a
        join review_rounds r on r.id = a.round_id
        join experts e on e.id = a.expert_id
        join users u on u.id = e.user_id
        where u.username = 'expert01' and a.status = 'invited' and r.status = 'released'
          and r.deadline > ${today.toISOString()} and r.released_at <= ${today.toISOString()}`),
    ).toBeGreaterThanOrEqual(1);
  });

  it('has a 公示 running, listing projects', async () => {
    expect(
      await count(sql`select count(distinct n.id)::int as total from publicity_notices n
        join publicity_notice_items i on i.notice_id = n.id
        where n.start_on <= ${on} and n.end_on >= ${on} and n.established_at is null`),
    ).toBe(1);
  });

  it('has 高企 certificates in force for the holders of end-2020 but the few that let them lapse, and the 2020 figures as they were', async () => {
    const inForce = (day: string) =>
      count(sql`select count(distinct enterprise_id)::int as total from high_tech_certificates
        where issued_on <= ${day} and expires_on > ${day}`);
    expect(await inForce('2020-12-31')).toBe(64);
    expect(await inForce(on)).toBe(59);
    // Every enterprise recognised in 2020 still holds a certificate in force.
    expect(
      await count(sql`select count(*)::int as total from hte_applications a
        where a.year = 2020 and a.status = 'recognised' and not exists (
          select 1 from high_tech_certificates c
          where c.enterprise_id = a.enterprise_id and c.issued_on <= ${on} and c.expires_on > ${on})`),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as total from high_tech_certificates
        where issued_on between '2020-01-01' and '2020-12-31'`),
    ).toBe(21);
    expect(
      await count(sql`select count(*)::int as total from high_tech_certificates where issued_on > ${on}`),
    ).toBe(0);
  });

  it('has progress reports due within 15 days and others overdue', async () => {
    expect(
      await count(sql`select count(*)::int as total from plan_project_progress_reports
        where status = 'pending' and due_on >= ${on} and due_on <= ${addDays(on, 15)}`),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await count(sql`select count(*)::int as total from plan_project_progress_reports
        where status = 'pending' and due_on < ${on}`),
    ).toBeGreaterThanOrEqual(1);
  });

  it('numbers every project in the district’s one format', async () => {
    const rows = await queryRows<{ project_no: string }>(test.db, sql`select project_no from plan_projects`);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((row) => !/^JN-KJ-\d{4}-\d{3}$/.test(row.project_no))).toEqual([]);
  });
});
