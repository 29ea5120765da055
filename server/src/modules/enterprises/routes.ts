import {
  ENTERPRISE_FIELD_LABELS,
  enterpriseDetailSchema,
  enterpriseListQuerySchema,
  enterprisePageSchema,
  enterpriseProfileSchema,
  enterpriseRegisteredSchema,
  enterpriseRegisterSchema,
  idParamSchema,
  transitionBodySchema,
} from '@kechuang/domain';
import { z } from 'zod';
import { publicAccess, requireActor, rolesAccess } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { AppError } from '../../core/errors';
import { sendXlsx } from '../../core/excel';
import { runIdempotent } from '../../core/idempotency';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { enforceThrottle, recordThrottleEvent, type ThrottleRule } from '../../core/throttle';
import {
  countEnterprisesByStatus,
  ENTERPRISE_EXPORT_COLUMNS,
  iterateEnterprisesForExport,
  listEnterprises,
  readEnterpriseDetail,
  registerEnterprise,
  runEnterpriseAction,
  updateEnterpriseProfile,
} from './service';

/** Self-registrations from one address per hour: a bureau's district rarely sees more than a few. */
export const REGISTRATIONS_BY_ADDRESS: ThrottleRule = {
  kind: 'enterprise.register.address',
  limit: 20,
  windowSeconds: 60 * 60,
};

const actionParamsSchema = z.strictObject({
  id: idParamSchema.shape.id,
  action: z.enum(['verify', 'return', 'resubmit', 'revoke']),
});

export function registerEnterpriseRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['enterprises'];

  app.post(
    '/api/enterprises/register',
    {
      schema: { tags, body: enterpriseRegisterSchema, response: { 201: enterpriseRegisteredSchema } },
      config: { access: publicAccess, fieldLabels: ENTERPRISE_FIELD_LABELS },
    },
    async (request, reply) => {
      const address = request.ip ?? 'unknown';
      await enforceThrottle(db, request.context, {
        rule: REGISTRATIONS_BY_ADDRESS,
        key: address,
        errorCode: 'registrationThrottled',
        event: 'enterprise.register',
      });
      return runIdempotent(db, request, reply, async () => {
        const body = await registerEnterprise(db, { input: request.body, context: request.context });
        await recordThrottleEvent(db, REGISTRATIONS_BY_ADDRESS.kind, address);
        return { statusCode: 201, body };
      });
    },
  );

  app.get(
    '/api/enterprises',
    {
      schema: { tags, querystring: enterpriseListQuerySchema, response: { 200: enterprisePageSchema } },
      config: { access: rolesAccess('staff', 'leader') },
    },
    async (request) => {
      const actor = requireActor(request);
      const [page, statusCounts] = await Promise.all([
        listEnterprises(db, { actor, query: request.query }),
        countEnterprisesByStatus(db, { actor, query: request.query }),
      ]);
      return { ...page, statusCounts };
    },
  );

  app.get(
    '/api/enterprises/export',
    {
      schema: { tags, querystring: enterpriseListQuerySchema },
      config: { access: rolesAccess('staff', 'leader') },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await recordAudit(db, request.context, {
        event: 'enterprise.export',
        objectType: 'enterprises',
        after: { query: request.query },
      });
      return sendXlsx(reply, {
        fileName: `企业名单-${new Date().toISOString().slice(0, 10)}.xlsx`,
        sheetName: '企业名单',
        columns: ENTERPRISE_EXPORT_COLUMNS,
        pages: iterateEnterprisesForExport(db, { actor, query: request.query }),
      });
    },
  );

  app.get(
    '/api/enterprises/mine',
    {
      schema: { tags, response: { 200: enterpriseDetailSchema } },
      config: { access: rolesAccess('enterprise') },
    },
    async (request) => {
      const actor = requireActor(request);
      if (actor.enterpriseId === null) throw new AppError(404, 'notFound');
      return readEnterpriseDetail(db, { actor, id: actor.enterpriseId });
    },
  );

  app.get(
    '/api/enterprises/:id',
    {
      schema: { tags, params: idParamSchema, response: { 200: enterpriseDetailSchema } },
      config: { access: rolesAccess('staff', 'leader', 'enterprise') },
    },
    async (request) => readEnterpriseDetail(db, { actor: requireActor(request), id: request.params.id }),
  );

  app.put(
    '/api/enterprises/:id',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: enterpriseProfileSchema,
        response: { 200: enterpriseDetailSchema },
      },
      config: { access: rolesAccess('staff', 'enterprise') },
    },
    async (request) =>
      updateEnterpriseProfile(db, { id: request.params.id, input: request.body, context: request.context }),
  );

  app.post(
    '/api/enterprises/:id/actions/:action',
    {
      schema: {
        tags,
        params: actionParamsSchema,
        body: transitionBodySchema,
        response: { 200: enterpriseDetailSchema },
      },
      config: { access: rolesAccess('staff', 'enterprise') },
    },
    async (request) =>
      runEnterpriseAction(db, {
        id: request.params.id,
        action: request.params.action,
        version: request.body.version,
        comment: request.body.comment,
        context: request.context,
      }),
  );
}
