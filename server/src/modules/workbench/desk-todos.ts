import type { Workbench } from '@kechuang/domain';
import { and, count, eq, inArray, lt } from 'drizzle-orm';
import type { Actor } from '../../core/context';
import type { Database } from '../../db/connection';
import {
  experts,
  planProjectProgressReports,
  planProjects,
  projectApplications,
  reviewAssignments,
  reviewRounds,
} from '../../db/schema';

/**
 * The workbench's entries for the application desk, supervision and review: applications waiting
 * for the formal check or returned to the enterprise, progress reports overdue or due, and an
 * expert's open review sheets. Only non-zero counts are shown to enterprises and experts.
 */
export async function buildDeskTodos(db: Database, actor: Actor, asOf: string): Promise<Workbench['todos']> {
  const todos: Workbench['todos'] = [];
  if (actor.role === 'staff') {
    const [submitted] = await db
      .select({ total: count() })
      .from(projectApplications)
      .where(eq(projectApplications.status, 'submitted'));
    const [overdue] = await db
      .select({ total: count() })
      .from(planProjectProgressReports)
      .innerJoin(planProjects, eq(planProjects.id, planProjectProgressReports.projectId))
      .where(
        and(
          inArray(planProjectProgressReports.status, ['pending', 'returned']),
          lt(planProjectProgressReports.dueOn, asOf),
          inArray(planProjects.status, ['inProgress', 'suspended']),
        ),
      );
    todos.push(
      {
        key: 'plan.submitted',
        title: '项目申报待形式审查',
        count: submitted.total,
        link: '/bureau/plan-calls',
      },
      {
        key: 'supervision.overdue',
        title: '执行情况报告逾期未交',
        count: overdue.total,
        link: '/bureau/project-supervision/overdue-reports',
      },
    );
  }
  if (actor.role === 'enterprise' && actor.enterpriseId !== null) {
    const [returned] = await db
      .select({ total: count() })
      .from(projectApplications)
      .where(
        and(
          eq(projectApplications.enterpriseId, actor.enterpriseId),
          eq(projectApplications.status, 'returned'),
        ),
      );
    if (returned.total > 0)
      todos.push({
        key: 'plan.returned',
        title: '项目申报被退回待修改',
        count: returned.total,
        link: '/enterprise/plan-applications',
      });
    const [due] = await db
      .select({ total: count() })
      .from(planProjectProgressReports)
      .innerJoin(planProjects, eq(planProjects.id, planProjectProgressReports.projectId))
      .where(
        and(
          eq(planProjectProgressReports.enterpriseId, actor.enterpriseId),
          inArray(planProjectProgressReports.status, ['pending', 'returned']),
          lt(planProjectProgressReports.dueOn, addDays(asOf, 15)),
          inArray(planProjects.status, ['inProgress', 'suspended']),
        ),
      );
    if (due.total > 0)
      todos.push({
        key: 'supervision.reportDue',
        title: '执行情况报告待填报',
        count: due.total,
        link: '/enterprise/projects',
      });
  }
  if (actor.role === 'expert') {
    const [open] = await db
      .select({ total: count() })
      .from(reviewAssignments)
      .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
      .innerJoin(reviewRounds, eq(reviewRounds.id, reviewAssignments.roundId))
      .where(
        and(
          eq(experts.userId, actor.userId),
          eq(reviewRounds.status, 'released'),
          inArray(reviewAssignments.status, ['invited', 'accepted']),
        ),
      );
    if (open.total > 0)
      todos.push({ key: 'reviews.open', title: '待完成的评审', count: open.total, link: '/expert' });
  }
  return todos;
}

function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}
