import {
  CERTIFICATE_VALIDITY_LABELS,
  HIGH_TECH_CERTIFICATE_FIELD_LABELS,
  highTechCertificateInputSchema,
  highTechCertificateListQuerySchema,
  highTechCertificatePageSchema,
  highTechCertificateSchema,
  highTechCertificateUpdateSchema,
  idParamSchema,
} from '@kechuang/domain';
import { requireActor, rolesAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { exportRoute, readAllPages } from '../../core/routes';
import { createCertificate, listCertificates, updateCertificate } from './certificates-service';
import { loadScopedEnterprise } from './figures-service';

/** 国家高新技术企业 certificates with their computed validity. */
export function registerCertificateRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['cultivation'];
  const config = (roles: Parameters<typeof rolesAccess>) => ({
    access: rolesAccess(...roles),
    fieldLabels: HIGH_TECH_CERTIFICATE_FIELD_LABELS,
  });

  app.get(
    '/api/cultivation/certificates',
    {
      schema: {
        tags,
        querystring: highTechCertificateListQuerySchema,
        response: { 200: highTechCertificatePageSchema },
      },
      config: config(['staff', 'leader', 'enterprise']),
    },
    async (request) => listCertificates(db, { actor: requireActor(request), query: request.query }),
  );

  exportRoute(app, db, {
    url: '/api/cultivation/certificates/export',
    schema: { tags, querystring: highTechCertificateListQuerySchema },
    ...config(['staff', 'leader']),
    audit: (request) => ({
      event: 'high-tech-certificate.export',
      objectType: 'high_tech_certificates',
      after: { query: request.query },
    }),
    fileName: () => '高新技术企业证书',
    sheetName: '高新技术企业',
    rows: (request) =>
      readAllPages((page, pageSize) =>
        listCertificates(db, { actor: requireActor(request), query: { ...request.query, page, pageSize } }),
      ),
    columns: [
      { header: '统一社会信用代码', width: 22, value: (row) => row.creditCode },
      { header: '企业名称', width: 36, value: (row) => row.enterpriseName },
      { header: '证书编号', width: 18, value: (row) => row.certificateNumber },
      { header: '发证日期', width: 12, value: (row) => row.issuedOn },
      { header: '到期日', width: 12, value: (row) => row.expiresOn },
      { header: '状态', width: 10, value: (row) => CERTIFICATE_VALIDITY_LABELS[row.validity].zh },
    ],
  });

  app.post(
    '/api/cultivation/certificates',
    {
      schema: { tags, body: highTechCertificateInputSchema, response: { 201: highTechCertificateSchema } },
      config: config(['staff']),
    },
    async (request, reply) =>
      reply.code(201).send(await createCertificate(db, { input: request.body, context: request.context })),
  );

  app.put(
    '/api/cultivation/certificates/:id',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: highTechCertificateUpdateSchema,
        response: { 200: highTechCertificateSchema },
      },
      config: config(['staff']),
    },
    async (request) =>
      updateCertificate(db, { id: request.params.id, input: request.body, context: request.context }),
  );

  app.get(
    '/api/enterprises/:id/certificates',
    {
      schema: { tags, params: idParamSchema, response: { 200: highTechCertificatePageSchema } },
      config: config(['staff', 'leader', 'enterprise']),
    },
    async (request) => {
      const actor = requireActor(request);
      const enterprise = await loadScopedEnterprise(db, actor, request.params.id);
      return listCertificates(db, {
        actor,
        enterpriseId: enterprise.id,
        query: { page: 1, pageSize: 200, order: 'desc' },
      });
    },
  );
}
