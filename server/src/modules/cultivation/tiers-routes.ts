import {
  idParamSchema,
  okSchema,
  TIER_FIELD_LABELS,
  tierAssignmentInputSchema,
  tierAssignmentListQuerySchema,
  tierAssignmentPageSchema,
  tierAssignmentSchema,
  tierLabelInputSchema,
  tierLabelSchema,
  tierLabelUpdateSchema,
} from '@kechuang/domain';
import { z } from 'zod';
import { requireActor, rolesAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { exportRoute, listRoute, readAllPages } from '../../core/routes';
import { loadScopedEnterprise } from './figures-service';
import {
  assignTier,
  createTierLabel,
  listTierAssignments,
  listTierLabels,
  removeTierAssignment,
  updateTierLabel,
} from './tiers-service';

/** Local tiers: the labels (a dictionary staff manage) and which enterprise carries which in a year. */
export function registerTierRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['cultivation'];
  const staffOnly = { access: rolesAccess('staff'), fieldLabels: TIER_FIELD_LABELS };

  app.get(
    '/api/cultivation/tier-labels',
    {
      schema: { tags, response: { 200: z.object({ items: z.array(tierLabelSchema) }) } },
      config: { access: rolesAccess('staff', 'leader', 'enterprise') },
    },
    async () => ({ items: await listTierLabels(db) }),
  );

  app.post(
    '/api/cultivation/tier-labels',
    { schema: { tags, body: tierLabelInputSchema, response: { 201: tierLabelSchema } }, config: staffOnly },
    async (request, reply) =>
      reply.code(201).send(await createTierLabel(db, { input: request.body, context: request.context })),
  );

  app.put(
    '/api/cultivation/tier-labels/:id',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: tierLabelUpdateSchema,
        response: { 200: tierLabelSchema },
      },
      config: staffOnly,
    },
    async (request) =>
      updateTierLabel(db, { id: request.params.id, input: request.body, context: request.context }),
  );

  listRoute(app, {
    url: '/api/cultivation/tiers',
    tags,
    access: rolesAccess('staff', 'leader'),
    querystring: tierAssignmentListQuerySchema,
    response: tierAssignmentPageSchema,
    list: (input) => listTierAssignments(db, input),
  });

  exportRoute(app, db, {
    url: '/api/cultivation/tiers/export',
    schema: { tags, querystring: tierAssignmentListQuerySchema },
    access: rolesAccess('staff', 'leader'),
    audit: (request) => ({
      event: 'cultivation.tiers.export',
      objectType: 'enterprise_tiers',
      after: { query: request.query },
    }),
    fileName: () => '地方梯次企业',
    sheetName: '地方梯次企业',
    rows: (request) =>
      readAllPages(
        (page, pageSize) =>
          listTierAssignments(db, {
            actor: requireActor(request),
            query: { ...request.query, page, pageSize },
          }),
        200,
      ),
    columns: [
      { header: '统一社会信用代码', width: 22, value: (row) => row.creditCode },
      { header: '企业名称', width: 36, value: (row) => row.enterpriseName },
      { header: '梯次', width: 16, value: (row) => row.tierName },
      { header: '年度', width: 8, value: (row) => row.year },
    ],
  });

  app.post(
    '/api/cultivation/tiers',
    {
      schema: { tags, body: tierAssignmentInputSchema, response: { 201: tierAssignmentSchema } },
      config: staffOnly,
    },
    async (request, reply) =>
      reply.code(201).send(await assignTier(db, { input: request.body, context: request.context })),
  );

  app.delete(
    '/api/cultivation/tiers/:id',
    { schema: { tags, params: idParamSchema, response: { 200: okSchema } }, config: staffOnly },
    async (request) => {
      await removeTierAssignment(db, { id: request.params.id, context: request.context });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/enterprises/:id/tiers',
    {
      schema: { tags, params: idParamSchema, response: { 200: tierAssignmentPageSchema } },
      config: { access: rolesAccess('staff', 'leader', 'enterprise') },
    },
    async (request) => {
      const actor = requireActor(request);
      const enterprise = await loadScopedEnterprise(db, actor, request.params.id);
      return listTierAssignments(db, {
        actor,
        enterpriseId: enterprise.id,
        query: { page: 1, pageSize: 200, order: 'desc' },
      });
    },
  );
}
