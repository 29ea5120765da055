import {
  guideDistributionInputSchema,
  guideDistributionListSchema,
  guideDistributionSchema,
  guideDownloadQuerySchema,
  guideEditionInputSchema,
  guideEditionListSchema,
  guideEditionSchema,
  guideQuerySchema,
  idParamSchema,
  POLICY_FIELD_LABELS,
  policySubscriptionInputSchema,
  policySubscriptionSchema,
} from '@kechuang/domain';
import { requireActor, rolesAccess } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { attachmentHeader } from '../../core/excel';
import { sendStoredFile } from '../../core/files';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { defineRoute } from '../../core/routes';
import { readDistrictSettings } from '../../core/settings';
import {
  guideEditionFile,
  keepGuideEdition,
  listDistributions,
  listGuideEditions,
  recordDistribution,
  renderPolicyGuide,
} from './guide-service';
import { readSubscription, saveSubscription } from './subscriptions-service';

/** The 《政策指引》: generation, kept editions, printed copies handed out; and enterprises' subscriptions. */
export function registerPolicyGuideRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['policies'];
  const fieldLabels = POLICY_FIELD_LABELS;
  const staffOnly = rolesAccess('staff');
  const bureau = rolesAccess('staff', 'leader');

  defineRoute(app, {
    method: 'GET',
    url: '/api/policies/guide',
    access: bureau,
    fieldLabels,
    schema: { tags, querystring: guideQuerySchema, response: { 200: guideDistributionListSchema } },
    handler: async (request) => listDistributions(db, request.query.edition),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/policies/guide/distributions',
    access: staffOnly,
    fieldLabels,
    schema: { tags, body: guideDistributionInputSchema, response: { 201: guideDistributionSchema } },
    handler: async (request, reply) =>
      reply.code(201).send(await recordDistribution(db, { input: request.body, context: request.context })),
  });

  // Kept editions of the 《指引》: each generation stored with the policy versions it was built from.
  defineRoute(app, {
    method: 'GET',
    url: '/api/policies/guide/editions',
    access: bureau,
    fieldLabels,
    schema: { tags, querystring: guideQuerySchema, response: { 200: guideEditionListSchema } },
    handler: async (request) => listGuideEditions(db, request.query.edition),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/policies/guide/editions',
    access: staffOnly,
    fieldLabels,
    schema: { tags, body: guideEditionInputSchema, response: { 201: guideEditionSchema } },
    handler: async (request, reply) => {
      const district = await readDistrictSettings(db);
      return reply.code(201).send(
        await keepGuideEdition(db, {
          edition: request.body.edition,
          districtName: district.name,
          context: request.context,
        }),
      );
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/policies/guide/editions/:id/document',
    access: bureau,
    schema: { tags, params: idParamSchema },
    handler: async (request, reply) =>
      sendStoredFile(reply, db, request.context, await guideEditionFile(db, request.params.id)),
  });

  // Subscriptions: what the enterprise follows; it is told once of each matching published policy.
  defineRoute(app, {
    method: 'GET',
    url: '/api/policies/subscription',
    access: rolesAccess('enterprise'),
    schema: { tags, response: { 200: policySubscriptionSchema } },
    handler: async (request) => readSubscription(db, requireActor(request)),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/policies/subscription',
    access: rolesAccess('enterprise'),
    fieldLabels,
    schema: { tags, body: policySubscriptionInputSchema, response: { 200: policySubscriptionSchema } },
    handler: async (request) => saveSubscription(db, { input: request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/policies/guide/document',
    access: bureau,
    fieldLabels,
    schema: { tags, querystring: guideDownloadQuerySchema },
    handler: async (request, reply) => {
      const district = await readDistrictSettings(db);
      await recordAudit(db, request.context, {
        event: 'policy.guide.download',
        objectType: 'policies',
        after: { edition: request.query.edition },
      });
      const buffer = await renderPolicyGuide(db, {
        edition: request.query.edition,
        districtName: district.name,
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', attachmentHeader(`科技创新政策指引-${request.query.edition}年版.docx`))
        .header('x-content-type-options', 'nosniff')
        .send(buffer);
    },
  });
}
