import {
  idParamSchema,
  institutionInputSchema,
  institutionListQuerySchema,
  institutionPageSchema,
  institutionSaveSchema,
  institutionSchema,
  publicTechListQuerySchema,
  publicTechNeedPageSchema,
  publicTechResultPageSchema,
  TECH_MATCHING_FIELD_LABELS,
  techNeedInputSchema,
  techNeedListQuerySchema,
  techNeedPageSchema,
  techNeedSaveSchema,
  techNeedSchema,
  techResultInputSchema,
  techResultListQuerySchema,
  techResultPageSchema,
  techResultSaveSchema,
  techResultSchema,
  techSuggestionQuerySchema,
  techSuggestionsSchema,
} from '@kechuang/domain';
import { z } from 'zod';
import { publicAccess, requireActor, rolesAccess } from '../../../core/access';
import type { ModuleDeps, TypedApp } from '../../../core/module';
import { actionRoute, createRoute, defineRoute, listRoute, readRoute } from '../../../core/routes';
import { createInstitution, listInstitutions, saveInstitution } from './institutions-service';
import { actOnNeed, createNeed, listNeeds, listPublicNeeds, readNeed, saveNeed } from './needs-service';
import {
  actOnResult,
  createResult,
  listPublicResults,
  listResults,
  readResult,
  saveResult,
} from './results-service';
import { suggestForNeed, suggestForResult } from './suggestions-service';

const tags = ['tech-transfer'];
const fieldLabels = TECH_MATCHING_FIELD_LABELS;
const listingActionParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  action: z.enum(['publish', 'reject', 'resubmit', 'close']),
});

/** 机构名录, 技术需求, 科技成果, their suggestions and the portal's lists. */
export function registerListingRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;

  listRoute(app, {
    url: '/api/tech-transfer/institutions',
    tags,
    access: rolesAccess('staff', 'leader', 'expert'),
    querystring: institutionListQuerySchema,
    response: institutionPageSchema,
    list: ({ query }) => listInstitutions(db, query),
  });
  createRoute(app, db, {
    url: '/api/tech-transfer/institutions',
    access: rolesAccess('staff'),
    fieldLabels,
    schema: { tags, body: institutionInputSchema, response: { 201: institutionSchema } },
    create: (request) => createInstitution(db, { input: request.body, context: request.context }),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/tech-transfer/institutions/:id',
    access: rolesAccess('staff'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: institutionSaveSchema,
      response: { 200: institutionSchema },
    },
    handler: async (request) => {
      const { version, ...input } = request.body;
      return saveInstitution(db, { id: request.params.id, version, input, context: request.context });
    },
  });

  listRoute(app, {
    url: '/api/tech-transfer/needs',
    tags,
    access: rolesAccess('staff', 'leader', 'enterprise', 'expert'),
    querystring: techNeedListQuerySchema,
    response: techNeedPageSchema,
    list: ({ actor, query }) => listNeeds(db, { actor, query }),
  });
  createRoute(app, db, {
    url: '/api/tech-transfer/needs',
    access: rolesAccess('enterprise'),
    fieldLabels,
    schema: { tags, body: techNeedInputSchema, response: { 201: techNeedSchema } },
    create: (request) => createNeed(db, { input: request.body, context: request.context }),
  });
  readRoute(app, {
    url: '/api/tech-transfer/needs/:id',
    tags,
    access: rolesAccess('staff', 'leader', 'enterprise', 'expert'),
    response: techNeedSchema,
    read: ({ actor, id }) => readNeed(db, { actor, id }),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/tech-transfer/needs/:id',
    access: rolesAccess('enterprise'),
    fieldLabels,
    schema: { tags, params: idParamSchema, body: techNeedSaveSchema, response: { 200: techNeedSchema } },
    handler: async (request) => {
      const { version, ...input } = request.body;
      return saveNeed(db, { id: request.params.id, version, input, context: request.context });
    },
  });
  actionRoute(app, {
    url: '/api/tech-transfer/needs/:id/actions/:action',
    tags,
    access: rolesAccess('staff', 'enterprise'),
    fieldLabels,
    params: listingActionParams,
    response: techNeedSchema,
    act: (input) => actOnNeed(db, input),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/tech-transfer/needs/:id/suggestions',
    access: rolesAccess('staff', 'leader', 'enterprise'),
    schema: {
      tags,
      params: idParamSchema,
      querystring: techSuggestionQuerySchema,
      response: { 200: techSuggestionsSchema },
    },
    handler: async (request) =>
      suggestForNeed(db, {
        actor: requireActor(request),
        needId: request.params.id,
        limit: request.query.limit,
        language: request.context.language,
      }),
  });

  listRoute(app, {
    url: '/api/tech-transfer/results',
    tags,
    access: rolesAccess('staff', 'leader', 'enterprise', 'expert'),
    querystring: techResultListQuerySchema,
    response: techResultPageSchema,
    list: ({ actor, query }) => listResults(db, { actor, query }),
  });
  createRoute(app, db, {
    url: '/api/tech-transfer/results',
    access: rolesAccess('staff', 'expert'),
    fieldLabels,
    schema: { tags, body: techResultInputSchema, response: { 201: techResultSchema } },
    create: (request) => createResult(db, { input: request.body, context: request.context }),
  });
  readRoute(app, {
    url: '/api/tech-transfer/results/:id',
    tags,
    access: rolesAccess('staff', 'leader', 'enterprise', 'expert'),
    response: techResultSchema,
    read: ({ actor, id }) => readResult(db, { actor, id }),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/tech-transfer/results/:id',
    access: rolesAccess('staff', 'expert'),
    fieldLabels,
    schema: { tags, params: idParamSchema, body: techResultSaveSchema, response: { 200: techResultSchema } },
    handler: async (request) => {
      const { version, ...input } = request.body;
      return saveResult(db, { id: request.params.id, version, input, context: request.context });
    },
  });
  actionRoute(app, {
    url: '/api/tech-transfer/results/:id/actions/:action',
    tags,
    access: rolesAccess('staff', 'expert'),
    fieldLabels,
    params: listingActionParams,
    response: techResultSchema,
    act: (input) => actOnResult(db, input),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/tech-transfer/results/:id/suggestions',
    access: rolesAccess('staff', 'leader', 'expert'),
    schema: {
      tags,
      params: idParamSchema,
      querystring: techSuggestionQuerySchema,
      response: { 200: techSuggestionsSchema },
    },
    handler: async (request) =>
      suggestForResult(db, {
        actor: requireActor(request),
        resultId: request.params.id,
        limit: request.query.limit,
        language: request.context.language,
      }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/public/tech-needs',
    access: publicAccess,
    schema: {
      tags: ['public'],
      querystring: publicTechListQuerySchema,
      response: { 200: publicTechNeedPageSchema },
    },
    handler: async (request) => listPublicNeeds(db, request.query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/public/tech-results',
    access: publicAccess,
    schema: {
      tags: ['public'],
      querystring: publicTechListQuerySchema,
      response: { 200: publicTechResultPageSchema },
    },
    handler: async (request) => listPublicResults(db, request.query),
  });
}
