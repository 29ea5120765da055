import {
  idParamSchema,
  notificationListQuerySchema,
  notificationPageSchema,
  okSchema,
} from '@kechuang/domain';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { anyUser, requireActor } from '../../core/access';
import { notFound } from '../../core/errors';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { notifications } from '../../db/schema';

export function registerNotificationRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['notifications'];

  app.get(
    '/api/notifications',
    {
      schema: { tags, querystring: notificationListQuerySchema, response: { 200: notificationPageSchema } },
      config: { access: anyUser },
    },
    async (request) => {
      const actor = requireActor(request);
      const { page, pageSize, unreadOnly } = request.query;
      const mine = eq(notifications.userId, actor.userId);
      const where = unreadOnly === 'true' ? and(mine, isNull(notifications.readAt)) : mine;
      const [rows, [{ total }], [{ unread }]] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(where)
          .orderBy(desc(notifications.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ total: count() }).from(notifications).where(where),
        db
          .select({ unread: count() })
          .from(notifications)
          .where(and(mine, isNull(notifications.readAt))),
      ]);
      return {
        items: rows.map((row) => ({
          id: row.id,
          title: row.title,
          body: row.body,
          link: row.link,
          isRead: row.readAt !== null,
          createdAt: row.createdAt.toISOString(),
        })),
        total,
        unread,
        page,
        pageSize,
      };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    { schema: { tags, params: idParamSchema, response: { 200: okSchema } }, config: { access: anyUser } },
    async (request) => {
      const actor = requireActor(request);
      const updated = await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.id, request.params.id), eq(notifications.userId, actor.userId)))
        .returning({ id: notifications.id });
      if (updated.length === 0) throw notFound();
      return { ok: true as const };
    },
  );

  app.post(
    '/api/notifications/read-all',
    { schema: { tags, response: { 200: okSchema } }, config: { access: anyUser } },
    async (request) => {
      const actor = requireActor(request);
      await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
      return { ok: true as const };
    },
  );
}
