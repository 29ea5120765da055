import {
  idParamSchema,
  TECH_SME_FIELD_LABELS,
  techSmeRegistrationInputSchema,
  techSmeRegistrationListQuerySchema,
  techSmeRegistrationPageSchema,
  techSmeRegistrationSchema,
  techSmeRegistrationUpdateSchema,
} from '@kechuang/domain';
import { requireActor, rolesAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { exportRoute, readAllPages } from '../../core/routes';
import { loadScopedEnterprise } from './figures-service';
import {
  createTechSmeRegistration,
  listTechSmeRegistrations,
  updateTechSmeRegistration,
} from './tech-sme-register-service';

/** 科技型中小企业 入库 register: staff keep it, leaders read it, an enterprise sees its own years. */
export function registerTechSmeRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['cultivation'];
  const config = (roles: Parameters<typeof rolesAccess>) => ({
    access: rolesAccess(...roles),
    fieldLabels: TECH_SME_FIELD_LABELS,
  });

  app.get(
    '/api/cultivation/tech-sme-registrations',
    {
      schema: {
        tags,
        querystring: techSmeRegistrationListQuerySchema,
        response: { 200: techSmeRegistrationPageSchema },
      },
      config: config(['staff', 'leader', 'enterprise']),
    },
    async (request) => listTechSmeRegistrations(db, { actor: requireActor(request), query: request.query }),
  );

  exportRoute(app, db, {
    url: '/api/cultivation/tech-sme-registrations/export',
    schema: { tags, querystring: techSmeRegistrationListQuerySchema },
    ...config(['staff', 'leader']),
    audit: (request) => ({
      event: 'tech-sme-registration.export',
      objectType: 'tech_sme_registrations',
      after: { query: request.query },
    }),
    fileName: (request) => `科技型中小企业入库名单${request.query.year ?? ''}`,
    sheetName: '科技型中小企业入库',
    rows: (request) =>
      readAllPages((page, pageSize) =>
        listTechSmeRegistrations(db, {
          actor: requireActor(request),
          query: { ...request.query, page, pageSize },
        }),
      ),
    columns: [
      { header: '入库年度', width: 10, value: (row) => row.year },
      { header: '统一社会信用代码', width: 22, value: (row) => row.creditCode },
      { header: '企业名称', width: 36, value: (row) => row.enterpriseName },
      { header: '入库登记编号', width: 22, value: (row) => row.registrationNumber },
      { header: '入库日期', width: 12, value: (row) => row.registeredOn },
    ],
  });

  app.post(
    '/api/cultivation/tech-sme-registrations',
    {
      schema: { tags, body: techSmeRegistrationInputSchema, response: { 201: techSmeRegistrationSchema } },
      config: config(['staff']),
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createTechSmeRegistration(db, { input: request.body, context: request.context })),
  );

  app.put(
    '/api/cultivation/tech-sme-registrations/:id',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: techSmeRegistrationUpdateSchema,
        response: { 200: techSmeRegistrationSchema },
      },
      config: config(['staff']),
    },
    async (request) =>
      updateTechSmeRegistration(db, { id: request.params.id, input: request.body, context: request.context }),
  );

  app.get(
    '/api/enterprises/:id/tech-sme-registrations',
    {
      schema: { tags, params: idParamSchema, response: { 200: techSmeRegistrationPageSchema } },
      config: config(['staff', 'leader', 'enterprise']),
    },
    async (request) => {
      const actor = requireActor(request);
      const enterprise = await loadScopedEnterprise(db, actor, request.params.id);
      return listTechSmeRegistrations(db, {
        actor,
        enterpriseId: enterprise.id,
        query: { page: 1, pageSize: 200, order: 'desc' },
      });
    },
  );
}
