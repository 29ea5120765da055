import {
  CULTIVATION_POOL_FIELD_LABELS,
  type CultivationPoolEntry,
  cultivationPoolActionParamsSchema,
  cultivationPoolDetailSchema,
  cultivationPoolListQuerySchema,
  cultivationPoolPageSchema,
  cultivationPoolProposalSchema,
  cultivationPoolWorkflow,
  idParamSchema,
  transitionBodySchema,
} from '@kechuang/domain';
import { requireActor, rolesAccess } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { sendXlsx } from '../../core/excel';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { decidePoolEntry, listPoolEntries, proposePoolEntry, readPoolEntry } from './pool-service';

/** 高企培育库: proposals, the admission decision with its rule pre-check, and exits. */
export function registerPoolRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['cultivation'];

  app.get(
    '/api/cultivation/pool',
    {
      schema: {
        tags,
        querystring: cultivationPoolListQuerySchema,
        response: { 200: cultivationPoolPageSchema },
      },
      config: { access: rolesAccess('staff', 'leader', 'enterprise') },
    },
    async (request) => listPoolEntries(db, { actor: requireActor(request), query: request.query }),
  );

  app.get(
    '/api/cultivation/pool/export',
    {
      schema: { tags, querystring: cultivationPoolListQuerySchema },
      config: { access: rolesAccess('staff', 'leader') },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const query = request.query;
      await recordAudit(db, request.context, {
        event: 'cultivation.pool.export',
        objectType: 'cultivation_pool_entries',
        after: { query },
      });
      return sendXlsx(reply, {
        fileName: `高企培育库-${new Date().toISOString().slice(0, 10)}.xlsx`,
        sheetName: '高企培育库',
        columns: [
          { header: '统一社会信用代码', width: 22, value: (row: CultivationPoolEntry) => row.creditCode },
          { header: '企业名称', width: 36, value: (row) => row.enterpriseName },
          { header: '年度', width: 8, value: (row) => row.year },
          { header: '状态', width: 10, value: (row) => cultivationPoolWorkflow.states[row.status].zh },
          { header: '推荐理由', width: 40, value: (row) => row.reason },
          { header: '审核意见', width: 40, value: (row) => row.decisionOpinion ?? '' },
          { header: '决定时间', width: 20, value: (row) => row.decidedAt?.slice(0, 10) ?? '' },
        ],
        pages: (async function* () {
          for (let page = 1; ; page++) {
            const result = await listPoolEntries(db, { actor, query: { ...query, page, pageSize: 200 } });
            yield result.items;
            if (result.items.length < 200) return;
          }
        })(),
      });
    },
  );

  app.post(
    '/api/cultivation/pool',
    {
      schema: { tags, body: cultivationPoolProposalSchema, response: { 201: cultivationPoolDetailSchema } },
      config: { access: rolesAccess('staff'), fieldLabels: CULTIVATION_POOL_FIELD_LABELS },
    },
    async (request, reply) =>
      reply.code(201).send(await proposePoolEntry(db, { input: request.body, context: request.context })),
  );

  app.get(
    '/api/cultivation/pool/:id',
    {
      schema: { tags, params: idParamSchema, response: { 200: cultivationPoolDetailSchema } },
      config: { access: rolesAccess('staff', 'leader', 'enterprise') },
    },
    async (request) => readPoolEntry(db, { actor: requireActor(request), id: request.params.id }),
  );

  app.post(
    '/api/cultivation/pool/:id/actions/:action',
    {
      schema: {
        tags,
        params: cultivationPoolActionParamsSchema,
        body: transitionBodySchema,
        response: { 200: cultivationPoolDetailSchema },
      },
      config: { access: rolesAccess('staff') },
    },
    async (request) =>
      decidePoolEntry(db, {
        id: request.params.id,
        action: request.params.action,
        version: request.body.version,
        comment: request.body.comment,
        context: request.context,
      }),
  );
}
