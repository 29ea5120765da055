import { describe, expect, it } from 'vitest';
import {
  planCalls,
  planCategories,
  planProjectProgressReports,
  planProjects,
  projectApplications,
} from '../../db/schema';
import { buildEnterprise, buildSession, type Session } from '../../test/factories';
import { requestAs, useTestApp } from '../../test/test-app';

const suite = useTestApp({});

async function todosOf(session: Session) {
  const response = await requestAs(suite.test.app, session, 'GET', '/api/workbench');
  expect(response.statusCode).toBe(200);
  return Object.fromEntries(
    (response.json().todos as { key: string; count: number }[]).map((todo) => [todo.key, todo.count]),
  );
}

describe('workbench: the application desk and supervision', () => {
  it('shows staff the formal-check queue and overdue reports, and an enterprise only its own returned application and due report', async () => {
    const staff = await buildSession(suite.test.app, suite.test.db, 'staff');
    const owner = await buildEnterprise(suite.test.app);
    const other = await buildEnterprise(suite.test.app);
    const before = await todosOf(staff);

    const [category] = await suite.test.db
      .insert(planCategories)
      .values({
        code: `desk-${Date.now()}`,
        name: '工作台测试计划',
        fundingMode: 'preFunding',
        level: 'district',
      })
      .returning();
    const [call] = await suite.test.db
      .insert(planCalls)
      .values({
        categoryId: category.id,
        year: 2026,
        title: '工作台测试申报通知',
        status: 'published',
        opensAt: new Date(Date.now() - 86400_000),
        closesAt: new Date(Date.now() + 86400_000),
      })
      .returning();
    const [returned] = await suite.test.db
      .insert(projectApplications)
      .values({
        callId: call.id,
        enterpriseId: owner.enterpriseId,
        year: 2026,
        status: 'returned',
        title: '退回的申报',
      })
      .returning();
    await suite.test.db.insert(projectApplications).values({
      callId: call.id,
      enterpriseId: other.enterpriseId,
      year: 2026,
      status: 'submitted',
      title: '待审的申报',
    });
    const [project] = await suite.test.db
      .insert(planProjects)
      .values({
        applicationId: returned.id,
        callId: call.id,
        enterpriseId: owner.enterpriseId,
        projectNo: `GZT-${returned.id}`,
        title: '工作台测试项目',
        status: 'inProgress',
        approvedFen: 10_000_000,
        startOn: '2025-01-01',
        endOn: '2027-12-31',
      })
      .returning();
    await suite.test.db.insert(planProjectProgressReports).values({
      projectId: project.id,
      enterpriseId: owner.enterpriseId,
      periodNo: 1,
      periodStart: '2025-01-01',
      periodEnd: '2025-06-30',
      dueOn: '2025-07-01',
      status: 'pending',
    });

    const after = await todosOf(staff);
    expect(after['plan.submitted']).toBe((before['plan.submitted'] ?? 0) + 1);
    expect(after['supervision.overdue']).toBe((before['supervision.overdue'] ?? 0) + 1);
    const mine = await todosOf(owner);
    expect(mine['plan.returned']).toBe(1);
    expect(mine['supervision.reportDue']).toBe(1);
    const theirs = await todosOf(other);
    expect(theirs['plan.returned']).toBeUndefined();
    expect(theirs['supervision.reportDue']).toBeUndefined();
  });
});
