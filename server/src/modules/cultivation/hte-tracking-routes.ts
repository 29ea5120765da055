import {
  helperTeamUpdateSchema,
  hteApplicationCreateSchema,
  hteApplicationDetailSchema,
  hteApplicationSchema,
  hteBatchCreateSchema,
  hteBatchSchema,
  hteBoardSchema,
  idParamSchema,
  serviceRecordCreateSchema,
  transitionBodySchema,
} from '@kechuang/domain';
import { z } from 'zod';
import { requireActor, rolesAccess } from '../../core/access';
import { runIdempotent } from '../../core/idempotency';
import type { ModuleDeps, TypedApp } from '../../core/module';
import {
  addServiceRecord,
  createApplication,
  createBatch,
  listBatches,
  listHelperOptions,
  listMyApplications,
  readApplicationDetail,
  readBoard,
  runApplicationAction,
  setHelperTeam,
} from './hte-tracking-service';

const actionParamsSchema = z.strictObject({
  id: idParamSchema.shape.id,
  action: z.enum([
    'startCoaching',
    'markMaterialsReady',
    'submit',
    'startReview',
    'publish',
    'recognise',
    'reject',
    'withdraw',
  ]),
});

/** 高企申报跟踪服务: batches, applications through their stages, helper teams, service records, the board. */
export function registerHteTrackingRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['cultivation'];
  const bureau = rolesAccess('staff', 'leader');
  const staffOnly = rolesAccess('staff');

  app.get(
    '/api/cultivation/hte-batches',
    {
      schema: {
        tags,
        querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: z.object({ items: z.array(hteBatchSchema) }) },
      },
      config: { access: bureau },
    },
    async (request) => ({ items: await listBatches(db, request.query.year) }),
  );

  app.post(
    '/api/cultivation/hte-batches',
    {
      schema: { tags, body: hteBatchCreateSchema, response: { 201: hteBatchSchema } },
      config: { access: staffOnly },
    },
    async (request, reply) =>
      runIdempotent(db, request, reply, async () => ({
        statusCode: 201,
        body: await createBatch(db, { input: request.body, context: request.context }),
      })),
  );

  app.get(
    '/api/cultivation/hte-batches/:id/board',
    {
      schema: { tags, params: idParamSchema, response: { 200: hteBoardSchema } },
      config: { access: bureau },
    },
    async (request) => readBoard(db, { actor: requireActor(request), batchId: request.params.id }),
  );

  app.get(
    '/api/cultivation/hte-applications',
    {
      schema: { tags, response: { 200: z.object({ items: z.array(hteApplicationSchema) }) } },
      config: { access: rolesAccess('staff', 'leader', 'enterprise') },
    },
    async (request) => ({ items: await listMyApplications(db, requireActor(request)) }),
  );

  app.post(
    '/api/cultivation/hte-applications',
    {
      schema: { tags, body: hteApplicationCreateSchema, response: { 201: hteApplicationDetailSchema } },
      config: { access: rolesAccess('staff', 'enterprise') },
    },
    async (request, reply) =>
      runIdempotent(db, request, reply, async () => ({
        statusCode: 201,
        body: await createApplication(db, {
          enterpriseId: request.body.enterpriseId,
          batchId: request.body.batchId,
          context: request.context,
        }),
      })),
  );

  app.get(
    '/api/cultivation/hte-applications/:id',
    {
      schema: { tags, params: idParamSchema, response: { 200: hteApplicationDetailSchema } },
      config: { access: rolesAccess('staff', 'leader', 'enterprise') },
    },
    async (request) => readApplicationDetail(db, { actor: requireActor(request), id: request.params.id }),
  );

  app.post(
    '/api/cultivation/hte-applications/:id/actions/:action',
    {
      schema: {
        tags,
        params: actionParamsSchema,
        body: transitionBodySchema,
        response: { 200: hteApplicationDetailSchema },
      },
      config: { access: rolesAccess('staff', 'enterprise') },
    },
    async (request) =>
      runApplicationAction(db, {
        id: request.params.id,
        action: request.params.action,
        version: request.body.version,
        comment: request.body.comment,
        context: request.context,
      }),
  );

  app.get(
    '/api/cultivation/helper-options',
    {
      schema: {
        tags,
        response: {
          200: z.object({ items: z.array(z.object({ id: z.number().int(), displayName: z.string() })) }),
        },
      },
      config: { access: staffOnly },
    },
    async () => ({ items: await listHelperOptions(db) }),
  );

  app.put(
    '/api/cultivation/hte-applications/:id/helpers',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: helperTeamUpdateSchema,
        response: { 200: hteApplicationDetailSchema },
      },
      config: { access: staffOnly },
    },
    async (request) =>
      setHelperTeam(db, { id: request.params.id, ...request.body, context: request.context }),
  );

  app.post(
    '/api/cultivation/hte-applications/:id/service-records',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: serviceRecordCreateSchema,
        response: { 200: hteApplicationDetailSchema },
      },
      config: { access: staffOnly },
    },
    async (request) =>
      addServiceRecord(db, { id: request.params.id, ...request.body, context: request.context }),
  );
}
