import { auditListQuerySchema, auditPageSchema, auditVerifyResultSchema } from '@kechuang/domain';
import { and, asc, desc, eq, gte, ilike, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { rolesAccess } from '../../core/access';
import { recordAudit, verifyAuditChain } from '../../core/audit';
import { sendXlsx } from '../../core/excel';
import type { ModuleDeps, TypedApp } from '../../core/module';
import type { Database } from '../../db/connection';
import { auditLog } from '../../db/schema';

type AuditQuery = z.infer<typeof auditListQuerySchema>;

function auditCondition(query: AuditQuery): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (query.event)
    conditions.push(ilike(auditLog.event, `${query.event.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`));
  if (query.actor) conditions.push(eq(auditLog.actorName, query.actor));
  if (query.objectType) conditions.push(eq(auditLog.objectType, query.objectType));
  if (query.objectId) conditions.push(eq(auditLog.objectId, query.objectId));
  if (query.result) conditions.push(eq(auditLog.result, query.result));
  if (query.from) conditions.push(gte(auditLog.occurredAt, new Date(`${query.from}T00:00:00+08:00`)));
  if (query.to)
    conditions.push(
      lt(auditLog.occurredAt, new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000)),
    );
  return and(...conditions);
}

async function listAudit(db: Database, query: AuditQuery) {
  const where = auditCondition(query);
  const direction = query.order === 'asc' ? asc : desc;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(direction(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return {
    items: rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The auditor's pages: search, export and verify the trail; nobody else reads it. */
export function registerAuditRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['audit'];
  const auditor = rolesAccess('auditor');

  app.get(
    '/api/audit',
    {
      schema: { tags, querystring: auditListQuerySchema, response: { 200: auditPageSchema } },
      config: { access: auditor },
    },
    async (request) => listAudit(db, request.query),
  );

  app.get(
    '/api/audit/export',
    { schema: { tags, querystring: auditListQuerySchema }, config: { access: auditor } },
    async (request, reply) => {
      await recordAudit(db, request.context, {
        event: 'audit.export',
        objectType: 'audit_log',
        after: { query: request.query },
      });
      const query = request.query;
      async function* pages() {
        for (let page = 1; ; page++) {
          const result = await listAudit(db, { ...query, page, pageSize: 1000 });
          yield result.items;
          if (result.items.length < 1000) return;
        }
      }
      return sendXlsx(reply, {
        fileName: `审计日志-${new Date().toISOString().slice(0, 10)}.xlsx`,
        sheetName: '审计日志',
        columns: [
          { header: '序号', width: 8, value: (row) => row.id },
          { header: '时间', width: 24, value: (row) => row.occurredAt },
          { header: '操作人', value: (row) => row.actorName },
          { header: '角色', value: (row) => row.actorRole },
          { header: 'IP', value: (row) => row.ip },
          { header: '事件', width: 28, value: (row) => row.event },
          { header: '对象类型', value: (row) => row.objectType },
          { header: '对象', value: (row) => row.objectId },
          { header: '结果', width: 8, value: (row) => row.result },
          { header: '请求编号', width: 38, value: (row) => row.requestId },
          {
            header: '变更前',
            width: 40,
            value: (row) => (row.before == null ? null : JSON.stringify(row.before)),
          },
          {
            header: '变更后',
            width: 40,
            value: (row) => (row.after == null ? null : JSON.stringify(row.after)),
          },
          { header: '哈希', width: 66, value: (row) => row.hash },
        ],
        pages: pages(),
      });
    },
  );

  app.post(
    '/api/audit/verify',
    { schema: { tags, response: { 200: auditVerifyResultSchema } }, config: { access: auditor } },
    async (request) => {
      const result = await verifyAuditChain(db);
      await recordAudit(db, request.context, {
        event: 'audit.verify',
        objectType: 'audit_log',
        result: result.isIntact ? 'ok' : 'failed',
        after: result,
      });
      return result;
    },
  );
}
