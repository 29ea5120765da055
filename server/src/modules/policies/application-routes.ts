import {
  itemParamsSchema,
  POLICY_FIELD_LABELS,
  policyApplicationActionBodySchema,
  policyApplicationActionParamsSchema,
  policyApplicationFormQuerySchema,
  policyApplicationFormSchema,
  policyApplicationInputSchema,
  policyApplicationPageSchema,
  policyApplicationQuerySchema,
  policyApplicationSchema,
} from '@kechuang/domain';
import { requireActor, rolesAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { createRoute, defineRoute, listRoute, readRoute } from '../../core/routes';
import {
  actOnApplication,
  createApplication,
  listApplications,
  readApplication,
  readApplicationForm,
} from './applications-service';

/** 快申快享: the short form (only what the data cannot decide), the application, staff's check. */
export function registerPolicyApplicationRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['policies'];
  const fieldLabels = POLICY_FIELD_LABELS;

  defineRoute(app, {
    method: 'GET',
    url: '/api/policies/items/:itemId/application-form',
    access: rolesAccess('enterprise'),
    fieldLabels,
    schema: {
      tags,
      params: itemParamsSchema,
      querystring: policyApplicationFormQuerySchema,
      response: { 200: policyApplicationFormSchema },
    },
    handler: async (request) =>
      readApplicationForm(db, {
        actor: requireActor(request),
        itemId: request.params.itemId,
        year: request.query.year,
      }),
  });

  createRoute(app, db, {
    url: '/api/policies/applications',
    access: rolesAccess('enterprise'),
    fieldLabels,
    schema: { tags, body: policyApplicationInputSchema, response: { 201: policyApplicationSchema } },
    create: (request) => createApplication(db, { input: request.body, context: request.context }),
  });

  listRoute(app, {
    url: '/api/policies/applications',
    tags,
    access: rolesAccess('staff', 'leader', 'enterprise'),
    fieldLabels,
    querystring: policyApplicationQuerySchema,
    response: policyApplicationPageSchema,
    list: (input) => listApplications(db, input),
  });

  readRoute(app, {
    url: '/api/policies/applications/:id',
    tags,
    access: rolesAccess('staff', 'leader', 'enterprise'),
    response: policyApplicationSchema,
    read: (input) => readApplication(db, input),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/policies/applications/:id/actions/:action',
    access: rolesAccess('staff', 'enterprise'),
    fieldLabels,
    schema: {
      tags,
      params: policyApplicationActionParamsSchema,
      body: policyApplicationActionBodySchema,
      response: { 200: policyApplicationSchema },
    },
    handler: async (request) =>
      actOnApplication(db, {
        id: request.params.id,
        action: request.params.action,
        body: request.body,
        context: request.context,
      }),
  });
}
