import {
  CULTIVATION_POOL_FIELD_LABELS,
  cultivationPoolActionParamsSchema,
  cultivationPoolDetailSchema,
  cultivationPoolListQuerySchema,
  cultivationPoolPageSchema,
  cultivationPoolProposalSchema,
  cultivationPoolWorkflow,
} from '@kechuang/domain';
import { requireActor, rolesAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { actionRoute, defineRoute, exportRoute, listRoute, readAllPages, readRoute } from '../../core/routes';
import { decidePoolEntry, listPoolEntries, proposePoolEntry, readPoolEntry } from './pool-service';

/** 高企培育库: proposals, the admission decision with its rule pre-check, and exits. */
export function registerPoolRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['cultivation'];
  const readers = rolesAccess('staff', 'leader', 'enterprise');

  listRoute(app, {
    url: '/api/cultivation/pool',
    tags,
    access: readers,
    querystring: cultivationPoolListQuerySchema,
    response: cultivationPoolPageSchema,
    list: (input) => listPoolEntries(db, input),
  });

  exportRoute(app, db, {
    url: '/api/cultivation/pool/export',
    schema: { tags, querystring: cultivationPoolListQuerySchema },
    access: rolesAccess('staff', 'leader'),
    audit: (request) => ({
      event: 'cultivation.pool.export',
      objectType: 'cultivation_pool_entries',
      after: { query: request.query },
    }),
    fileName: () => '高企培育库',
    sheetName: '高企培育库',
    rows: (request) =>
      readAllPages(
        (page, pageSize) =>
          listPoolEntries(db, { actor: requireActor(request), query: { ...request.query, page, pageSize } }),
        200,
      ),
    columns: [
      { header: '统一社会信用代码', width: 22, value: (row) => row.creditCode },
      { header: '企业名称', width: 36, value: (row) => row.enterpriseName },
      { header: '年度', width: 8, value: (row) => row.year },
      { header: '状态', width: 10, value: (row) => cultivationPoolWorkflow.states[row.status].zh },
      { header: '推荐理由', width: 40, value: (row) => row.reason },
      { header: '审核意见', width: 40, value: (row) => row.decisionOpinion ?? '' },
      { header: '决定时间', width: 20, value: (row) => row.decidedAt?.slice(0, 10) ?? '' },
    ],
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/cultivation/pool',
    access: rolesAccess('staff'),
    fieldLabels: CULTIVATION_POOL_FIELD_LABELS,
    schema: { tags, body: cultivationPoolProposalSchema, response: { 201: cultivationPoolDetailSchema } },
    handler: async (request, reply) =>
      reply.code(201).send(await proposePoolEntry(db, { input: request.body, context: request.context })),
  });

  readRoute(app, {
    url: '/api/cultivation/pool/:id',
    tags,
    access: readers,
    response: cultivationPoolDetailSchema,
    read: (input) => readPoolEntry(db, input),
  });

  actionRoute(app, {
    url: '/api/cultivation/pool/:id/actions/:action',
    tags,
    access: rolesAccess('staff'),
    params: cultivationPoolActionParamsSchema,
    response: cultivationPoolDetailSchema,
    act: (input) => decidePoolEntry(db, input),
  });
}
