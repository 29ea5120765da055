import { type Workbench, workbenchSchema } from '@kechuang/domain';
import { and, count, eq, isNull } from 'drizzle-orm';
import { anyUser, requireActor } from '../../core/access';
import type { Actor } from '../../core/context';
import type { ModuleDeps, TypedApp } from '../../core/module';
import type { Database } from '../../db/connection';
import { enterprises, notifications } from '../../db/schema';
import { buildPlanApprovalTodos } from '../projects';
import { buildServicesTodos } from '../services';
import { buildDeskTodos } from './desk-todos';

/** 待办 and key figures for the caller's role; later modules add their own entries here. */
async function buildWorkbench(db: Database, actor: Actor): Promise<Workbench> {
  const [{ unread }] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  const workbench: Workbench = { todos: [], figures: [], unreadNotifications: unread };
  if (actor.role === 'staff' || actor.role === 'leader') {
    const rows = await db
      .select({ status: enterprises.status, total: count() })
      .from(enterprises)
      .groupBy(enterprises.status);
    const byStatus = Object.fromEntries(rows.map((row) => [row.status, row.total]));
    if (actor.role === 'staff') {
      workbench.todos.push({
        key: 'enterprise.pending',
        title: '企业注册待审核',
        count: byStatus.pending ?? 0,
        link: '/bureau/enterprises?status=pending',
      });
    }
    const total = rows.reduce((sum, row) => sum + row.total, 0);
    workbench.figures.push(
      { key: 'enterprise.total', title: '注册企业', value: total, unit: '家' },
      { key: 'enterprise.verified', title: '已认证企业', value: byStatus.verified ?? 0, unit: '家' },
    );
  }
  if (actor.role === 'enterprise' && actor.enterpriseId !== null) {
    const [own] = await db
      .select({ status: enterprises.status })
      .from(enterprises)
      .where(eq(enterprises.id, actor.enterpriseId));
    if (own?.status === 'returned') {
      workbench.todos.push({
        key: 'enterprise.returned',
        title: '企业信息被退回，请修改后重新提交',
        count: 1,
        link: '/enterprise/profile',
      });
    }
  }
  workbench.todos.push(...(await buildPlanApprovalTodos(db, actor)));
  workbench.todos.push(...(await buildDeskTodos(db, actor, new Date().toISOString().slice(0, 10))));
  workbench.todos.push(...(await buildServicesTodos(db, actor)));
  return workbench;
}

export function registerWorkbenchRoutes(app: TypedApp, deps: ModuleDeps): void {
  app.get(
    '/api/workbench',
    { schema: { tags: ['workbench'], response: { 200: workbenchSchema } }, config: { access: anyUser } },
    async (request) => buildWorkbench(deps.db, requireActor(request)),
  );
}
