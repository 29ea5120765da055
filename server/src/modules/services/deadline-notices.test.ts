import type { ServiceCampaign, ServiceDepartment, ServiceProblemDetail } from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema';
import { buildEnterprise, buildUser, type Session } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';
import { sendProblemDeadlineNotices } from './deadline-notices';

const suite = useTestApp({ staff: 'staff' });
const call = (session: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  requestAs(suite.test.app, session, method, url, payload);

async function titlesOf(userId: number): Promise<string[]> {
  const rows = await suite.test.db
    .select({ title: notifications.title })
    .from(notifications)
    .where(eq(notifications.userId, userId));
  return rows.map((row) => row.title);
}

describe('due-soon and overdue notices of the problem ledger', () => {
  it('notify the department and the staff once per ticket and state, and not after the answer', async () => {
    const [first, second] = (await call(suite.staff, 'GET', '/api/services/departments')).json()
      .items as ServiceDepartment[];
    const firstUser = await buildUser(suite.test.db, { role: 'department', departmentId: first.id });
    const secondUser = await buildUser(suite.test.db, { role: 'department', departmentId: second.id });
    const staffId = (await call(suite.staff, 'GET', '/api/auth/me')).json().id as number;
    const company = await buildEnterprise(suite.test.app);
    const campaign = (
      await call(suite.staff, 'POST', '/api/services/campaigns', {
        name: '时限提醒测试调研',
        slogan: '找问题、补短板、强服务、抓提升',
        startsOn: '2026-01-04',
        endsOn: '2026-12-31',
        targets: [{ enterpriseId: company.enterpriseId, kind: 'enterprise', team: '第一走访组' }],
      })
    ).json() as ServiceCampaign;
    const visit = await call(suite.staff, 'POST', '/api/services/visits', {
      campaignId: campaign.id,
      enterpriseId: company.enterpriseId,
      visitedOn: '2026-06-01',
      team: '第一走访组',
      visitors: '张科长',
      met: '王总经理',
      findings: '企业反映政策与用地问题',
      suggestions: '希望尽快解决',
      problems: [
        { category: 'policy', description: '加计扣除口径不清', departmentId: first.id, assignee: null },
        { category: 'land', description: '中试场地不足', departmentId: second.id, assignee: null },
      ],
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const [policy, land] = (
      await call(suite.staff, 'GET', `/api/services/problems?campaignId=${campaign.id}&sort=id&order=asc`)
    ).json().items as ServiceProblemDetail[];
    expect(policy.dueOn).toBe('2026-06-10');
    expect(land.dueOn > '2026-06-20').toBe(true);

    // Monday 8 June: the policy ticket is due within 2 working days; the land ticket is not yet.
    expect(await sendProblemDeadlineNotices(suite.test.db, '2026-06-05')).toBe(0);
    expect(await sendProblemDeadlineNotices(suite.test.db, '2026-06-08')).toBe(1);
    expect(await sendProblemDeadlineNotices(suite.test.db, '2026-06-09')).toBe(0);
    const dueSoon = `即将到期：问题台账第 ${policy.id} 号应于 2026-06-10 前办结`;
    expect(await titlesOf(firstUser.id)).toEqual([dueSoon]);
    expect(await titlesOf(staffId)).toContain(dueSoon);
    expect(await titlesOf(secondUser.id)).toEqual([]);

    // Past the deadline: one overdue notice, once.
    expect(await sendProblemDeadlineNotices(suite.test.db, '2026-06-11')).toBe(1);
    expect(await sendProblemDeadlineNotices(suite.test.db, '2026-06-12')).toBe(0);
    expect(await titlesOf(firstUser.id)).toEqual([
      dueSoon,
      `已超期：问题台账第 ${policy.id} 号时限为 2026-06-10`,
    ]);

    // An answered ticket waits for the call-back: no notice for it any more, even when late.
    const replied = await call(suite.staff, 'POST', `/api/services/problems/${land.id}/actions/reply`, {
      version: land.version,
      comment: '已协调园区中试场地',
    });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(await sendProblemDeadlineNotices(suite.test.db, '2026-09-01')).toBe(0);
    expect(await titlesOf(secondUser.id)).toEqual([]);
  });
});
