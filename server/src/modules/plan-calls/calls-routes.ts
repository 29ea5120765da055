import {
  idParamSchema,
  PLAN_FIELD_LABELS,
  planCallActionParamsSchema,
  planCallInputSchema,
  planCallListQuerySchema,
  planCallPageSchema,
  planCallSchema,
  planCallUpdateSchema,
  planCategoryInputSchema,
  planCategorySchema,
  planCategoryUpdateSchema,
  publicPlanCallListSchema,
} from '@kechuang/domain';
import { z } from 'zod';
import { publicAccess, requireActor, rolesAccess } from '../../core/access';
import { sendStoredFile } from '../../core/files';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { actionRoute, createRoute, defineRoute, listRoute, readRoute, uploadRoute } from '../../core/routes';
import {
  attachGuideline,
  createPlanCall,
  decidePlanCall,
  findGuidelineFile,
  listPlanCalls,
  listPublicPlanCalls,
  readPlanCall,
  updatePlanCall,
} from './calls-service';
import { createPlanCategory, listPlanCategories, updatePlanCategory } from './categories-service';

/** Plan categories and calls (申报通知/指南): staff write, enterprises read published calls, the portal shows them. */
export function registerPlanCallRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['plan-calls'];
  const fieldLabels = PLAN_FIELD_LABELS;
  const readers = rolesAccess('staff', 'leader', 'enterprise');
  const staff = rolesAccess('staff');

  defineRoute(app, {
    method: 'GET',
    url: '/api/plan/categories',
    access: readers,
    schema: { tags, response: { 200: z.object({ items: z.array(planCategorySchema) }) } },
    handler: async () => ({ items: await listPlanCategories(db) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/plan/categories',
    access: staff,
    fieldLabels,
    schema: { tags, body: planCategoryInputSchema, response: { 201: planCategorySchema } },
    handler: async (request, reply) =>
      reply.code(201).send(await createPlanCategory(db, { input: request.body, context: request.context })),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/plan/categories/:id',
    access: staff,
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: planCategoryUpdateSchema,
      response: { 200: planCategorySchema },
    },
    handler: async (request) =>
      updatePlanCategory(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  listRoute(app, {
    url: '/api/plan/calls',
    tags,
    access: readers,
    querystring: planCallListQuerySchema,
    response: planCallPageSchema,
    list: (input) => listPlanCalls(db, input),
  });

  createRoute(app, db, {
    url: '/api/plan/calls',
    access: staff,
    fieldLabels,
    schema: { tags, body: planCallInputSchema, response: { 201: planCallSchema } },
    create: (request) => createPlanCall(db, { input: request.body, context: request.context }),
  });

  readRoute(app, {
    url: '/api/plan/calls/:id',
    tags,
    access: readers,
    response: planCallSchema,
    read: (input) => readPlanCall(db, input),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/plan/calls/:id',
    access: staff,
    fieldLabels,
    schema: { tags, params: idParamSchema, body: planCallUpdateSchema, response: { 200: planCallSchema } },
    handler: async (request) =>
      updatePlanCall(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  actionRoute(app, {
    url: '/api/plan/calls/:id/actions/:action',
    tags,
    access: staff,
    params: planCallActionParamsSchema,
    response: planCallSchema,
    act: (input) => decidePlanCall(db, input),
  });

  uploadRoute(app, {
    url: '/api/plan/calls/:id/guideline',
    tags,
    access: staff,
    response: planCallSchema,
    upload: ({ id, buffer, fileName, context }) => attachGuideline(db, { id, buffer, fileName, context }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/plan/calls/:id/guideline',
    access: readers,
    schema: { tags, params: idParamSchema },
    handler: async (request, reply) => {
      const file = await findGuidelineFile(db, {
        actor: requireActor(request),
        id: request.params.id,
        isPublic: false,
      });
      return sendStoredFile(reply, db, request.context, file);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/public/plan-calls',
    access: publicAccess,
    schema: { tags: ['public'], response: { 200: publicPlanCallListSchema } },
    handler: async () => listPublicPlanCalls(db),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/public/plan-calls/:id/guideline',
    access: publicAccess,
    schema: { tags: ['public'], params: idParamSchema },
    handler: async (request, reply) => {
      const file = await findGuidelineFile(db, { actor: null, id: request.params.id, isPublic: true });
      return sendStoredFile(reply, db, request.context, file);
    },
  });
}
