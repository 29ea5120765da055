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
  transitionBodySchema,
} from '@kechuang/domain';
import { z } from 'zod';
import { publicAccess, requireActor, rolesAccess } from '../../core/access';
import { readUploadedFile, sendStoredFile } from '../../core/files';
import { runIdempotent } from '../../core/idempotency';
import type { ModuleDeps, TypedApp } from '../../core/module';
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

  app.get(
    '/api/plan/categories',
    {
      schema: { tags, response: { 200: z.object({ items: z.array(planCategorySchema) }) } },
      config: { access: rolesAccess('staff', 'leader', 'enterprise') },
    },
    async () => ({ items: await listPlanCategories(db) }),
  );

  app.post(
    '/api/plan/categories',
    {
      schema: { tags, body: planCategoryInputSchema, response: { 201: planCategorySchema } },
      config: { access: rolesAccess('staff'), fieldLabels },
    },
    async (request, reply) =>
      reply.code(201).send(await createPlanCategory(db, { input: request.body, context: request.context })),
  );

  app.put(
    '/api/plan/categories/:id',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: planCategoryUpdateSchema,
        response: { 200: planCategorySchema },
      },
      config: { access: rolesAccess('staff'), fieldLabels },
    },
    async (request) =>
      updatePlanCategory(db, { id: request.params.id, input: request.body, context: request.context }),
  );

  app.get(
    '/api/plan/calls',
    {
      schema: { tags, querystring: planCallListQuerySchema, response: { 200: planCallPageSchema } },
      config: { access: rolesAccess('staff', 'leader', 'enterprise') },
    },
    async (request) => listPlanCalls(db, { actor: requireActor(request), query: request.query }),
  );

  app.post(
    '/api/plan/calls',
    {
      schema: { tags, body: planCallInputSchema, response: { 201: planCallSchema } },
      config: { access: rolesAccess('staff'), fieldLabels },
    },
    async (request, reply) =>
      runIdempotent(db, request, reply, async () => ({
        statusCode: 201,
        body: await createPlanCall(db, { input: request.body, context: request.context }),
      })),
  );

  app.get(
    '/api/plan/calls/:id',
    {
      schema: { tags, params: idParamSchema, response: { 200: planCallSchema } },
      config: { access: rolesAccess('staff', 'leader', 'enterprise') },
    },
    async (request) => readPlanCall(db, { actor: requireActor(request), id: request.params.id }),
  );

  app.put(
    '/api/plan/calls/:id',
    {
      schema: { tags, params: idParamSchema, body: planCallUpdateSchema, response: { 200: planCallSchema } },
      config: { access: rolesAccess('staff'), fieldLabels },
    },
    async (request) =>
      updatePlanCall(db, { id: request.params.id, input: request.body, context: request.context }),
  );

  app.post(
    '/api/plan/calls/:id/actions/:action',
    {
      schema: {
        tags,
        params: planCallActionParamsSchema,
        body: transitionBodySchema,
        response: { 200: planCallSchema },
      },
      config: { access: rolesAccess('staff') },
    },
    async (request) =>
      decidePlanCall(db, {
        id: request.params.id,
        action: request.params.action,
        version: request.body.version,
        context: request.context,
      }),
  );

  app.post(
    '/api/plan/calls/:id/guideline',
    {
      schema: {
        tags,
        params: idParamSchema,
        consumes: ['multipart/form-data'],
        response: { 200: planCallSchema },
      },
      config: { access: rolesAccess('staff') },
    },
    async (request) => {
      const upload = await readUploadedFile(request);
      return attachGuideline(db, {
        id: request.params.id,
        buffer: upload.buffer,
        fileName: upload.fileName,
        context: request.context,
      });
    },
  );

  app.get(
    '/api/plan/calls/:id/guideline',
    {
      schema: { tags, params: idParamSchema },
      config: { access: rolesAccess('staff', 'leader', 'enterprise') },
    },
    async (request, reply) => {
      const file = await findGuidelineFile(db, {
        actor: requireActor(request),
        id: request.params.id,
        isPublic: false,
      });
      return sendStoredFile(reply, db, request.context, file);
    },
  );

  app.get(
    '/api/public/plan-calls',
    {
      schema: { tags: ['public'], response: { 200: publicPlanCallListSchema } },
      config: { access: publicAccess },
    },
    async () => listPublicPlanCalls(db),
  );

  app.get(
    '/api/public/plan-calls/:id/guideline',
    { schema: { tags: ['public'], params: idParamSchema }, config: { access: publicAccess } },
    async (request, reply) => {
      const file = await findGuidelineFile(db, { actor: null, id: request.params.id, isPublic: true });
      return sendStoredFile(reply, db, request.context, file);
    },
  );
}
