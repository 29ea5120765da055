import {
  CULTIVATION_POOL_FIELD_LABELS,
  cultivationPoolActionParamsSchema,
  cultivationPoolDetailSchema,
  cultivationPoolListQuerySchema,
  cultivationPoolPageSchema,
  cultivationPoolProposalSchema,
  idParamSchema,
  transitionBodySchema,
} from '@kechuang/domain';
import type { ModuleDeps, TypedApp } from '../../app';
import { requireActor, rolesAccess } from '../../core/access';
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
