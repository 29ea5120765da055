import {
  idParamSchema,
  TECH_MATCHING_FIELD_LABELS,
  techEventAttendanceSchema,
  techEventInputSchema,
  techEventListQuerySchema,
  techEventPageSchema,
  techEventSaveSchema,
  techEventSchema,
  techEventSignupInputSchema,
  techMatchingActionParamsSchema,
  techMatchingContractSchema,
  techMatchingInputSchema,
  techMatchingListQuerySchema,
  techMatchingPageSchema,
  techMatchingSchema,
} from '@kechuang/domain';
import { rolesAccess } from '../../../core/access';
import type { ModuleDeps, TypedApp } from '../../../core/module';
import { actionRoute, createRoute, defineRoute, listRoute, readRoute } from '../../../core/routes';
import {
  createEvent,
  listEvents,
  readEvent,
  recordAttendance,
  saveEvent,
  signUpForEvent,
} from './events-service';
import {
  actOnMatching,
  createMatching,
  linkMatchingContract,
  listMatchings,
  readMatching,
} from './matchings-service';

const tags = ['tech-transfer'];
const fieldLabels = TECH_MATCHING_FIELD_LABELS;

/** 对接记录 and 对接活动. */
export function registerMatchingRecordRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const everyone = rolesAccess('staff', 'leader', 'enterprise', 'expert');

  listRoute(app, {
    url: '/api/tech-transfer/matchings',
    tags,
    access: everyone,
    querystring: techMatchingListQuerySchema,
    response: techMatchingPageSchema,
    list: ({ actor, query }) => listMatchings(db, { actor, query }),
  });
  createRoute(app, db, {
    url: '/api/tech-transfer/matchings',
    access: rolesAccess('staff'),
    fieldLabels,
    schema: { tags, body: techMatchingInputSchema, response: { 201: techMatchingSchema } },
    create: (request) => createMatching(db, { input: request.body, context: request.context }),
  });
  readRoute(app, {
    url: '/api/tech-transfer/matchings/:id',
    tags,
    access: everyone,
    response: techMatchingSchema,
    read: ({ actor, id }) => readMatching(db, { actor, id }),
  });
  actionRoute(app, {
    url: '/api/tech-transfer/matchings/:id/actions/:action',
    tags,
    access: rolesAccess('staff'),
    fieldLabels,
    params: techMatchingActionParamsSchema,
    response: techMatchingSchema,
    act: (input) => actOnMatching(db, input),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/tech-transfer/matchings/:id/contract',
    access: rolesAccess('staff'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: techMatchingContractSchema,
      response: { 200: techMatchingSchema },
    },
    handler: async (request) =>
      linkMatchingContract(db, {
        id: request.params.id,
        version: request.body.version,
        contractId: request.body.contractId,
        context: request.context,
      }),
  });

  listRoute(app, {
    url: '/api/tech-transfer/events',
    tags,
    access: everyone,
    querystring: techEventListQuerySchema,
    response: techEventPageSchema,
    list: ({ actor, query }) => listEvents(db, { actor, query }),
  });
  createRoute(app, db, {
    url: '/api/tech-transfer/events',
    access: rolesAccess('staff'),
    fieldLabels,
    schema: { tags, body: techEventInputSchema, response: { 201: techEventSchema } },
    create: (request) => createEvent(db, { input: request.body, context: request.context }),
  });
  readRoute(app, {
    url: '/api/tech-transfer/events/:id',
    tags,
    access: everyone,
    response: techEventSchema,
    read: ({ actor, id }) => readEvent(db, { actor, id }),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/tech-transfer/events/:id',
    access: rolesAccess('staff'),
    fieldLabels,
    schema: { tags, params: idParamSchema, body: techEventSaveSchema, response: { 200: techEventSchema } },
    handler: async (request) => {
      const { version, ...input } = request.body;
      return saveEvent(db, { id: request.params.id, version, input, context: request.context });
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/tech-transfer/events/:id/signups',
    access: rolesAccess('enterprise'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: techEventSignupInputSchema,
      response: { 201: techEventSchema },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await signUpForEvent(db, { id: request.params.id, input: request.body, context: request.context }),
        ),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/tech-transfer/events/:id/attendance',
    access: rolesAccess('staff'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: techEventAttendanceSchema,
      response: { 200: techEventSchema },
    },
    handler: async (request) =>
      recordAttendance(db, {
        id: request.params.id,
        enterpriseId: request.body.enterpriseId,
        attended: request.body.attended,
        context: request.context,
      }),
  });
}
