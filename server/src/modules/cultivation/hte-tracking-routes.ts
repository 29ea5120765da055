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
} from '@kechuang/domain';
import { z } from 'zod';
import { requireActor, rolesAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { actionRoute, createRoute, defineRoute, readRoute } from '../../core/routes';
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

  defineRoute(app, {
    method: 'GET',
    url: '/api/cultivation/hte-batches',
    access: bureau,
    schema: {
      tags,
      querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      response: { 200: z.object({ items: z.array(hteBatchSchema) }) },
    },
    handler: async (request) => ({ items: await listBatches(db, request.query.year) }),
  });

  createRoute(app, db, {
    url: '/api/cultivation/hte-batches',
    access: staffOnly,
    schema: { tags, body: hteBatchCreateSchema, response: { 201: hteBatchSchema } },
    create: (request) => createBatch(db, { input: request.body, context: request.context }),
  });

  readRoute(app, {
    url: '/api/cultivation/hte-batches/:id/board',
    tags,
    access: bureau,
    response: hteBoardSchema,
    read: ({ actor, id }) => readBoard(db, { actor, batchId: id }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/cultivation/hte-applications',
    access: rolesAccess('staff', 'leader', 'enterprise'),
    schema: { tags, response: { 200: z.object({ items: z.array(hteApplicationSchema) }) } },
    handler: async (request) => ({ items: await listMyApplications(db, requireActor(request)) }),
  });

  createRoute(app, db, {
    url: '/api/cultivation/hte-applications',
    access: rolesAccess('staff', 'enterprise'),
    schema: { tags, body: hteApplicationCreateSchema, response: { 201: hteApplicationDetailSchema } },
    create: (request) =>
      createApplication(db, {
        enterpriseId: request.body.enterpriseId,
        batchId: request.body.batchId,
        context: request.context,
      }),
  });

  readRoute(app, {
    url: '/api/cultivation/hte-applications/:id',
    tags,
    access: rolesAccess('staff', 'leader', 'enterprise'),
    response: hteApplicationDetailSchema,
    read: (input) => readApplicationDetail(db, input),
  });

  actionRoute(app, {
    url: '/api/cultivation/hte-applications/:id/actions/:action',
    tags,
    access: rolesAccess('staff', 'enterprise'),
    params: actionParamsSchema,
    response: hteApplicationDetailSchema,
    act: (input) => runApplicationAction(db, input),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/cultivation/helper-options',
    access: staffOnly,
    schema: {
      tags,
      response: {
        200: z.object({ items: z.array(z.object({ id: z.number().int(), displayName: z.string() })) }),
      },
    },
    handler: async () => ({ items: await listHelperOptions(db) }),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/cultivation/hte-applications/:id/helpers',
    access: staffOnly,
    schema: {
      tags,
      params: idParamSchema,
      body: helperTeamUpdateSchema,
      response: { 200: hteApplicationDetailSchema },
    },
    handler: async (request) =>
      setHelperTeam(db, { id: request.params.id, ...request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/cultivation/hte-applications/:id/service-records',
    access: staffOnly,
    schema: {
      tags,
      params: idParamSchema,
      body: serviceRecordCreateSchema,
      response: { 200: hteApplicationDetailSchema },
    },
    handler: async (request) =>
      addServiceRecord(db, { id: request.params.id, ...request.body, context: request.context }),
  });
}
