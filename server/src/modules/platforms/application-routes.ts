import {
  idParamSchema,
  PLATFORM_FIELD_LABELS,
  PLATFORM_LEVEL_LABELS,
  platformApplicationActionParamsSchema,
  platformApplicationApprovalSchema,
  platformApplicationInputSchema,
  platformApplicationListQuerySchema,
  platformApplicationPageSchema,
  platformApplicationSchema,
  platformApplicationUpdateSchema,
  platformApplicationWorkflow,
} from '@kechuang/domain';
import { requireActor, rolesAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import {
  actionRoute,
  createRoute,
  defineRoute,
  exportRoute,
  listRoute,
  readAllPages,
  readRoute,
} from '../../core/routes';
import {
  actOnApplication,
  approveApplication,
  createApplication,
  listApplications,
  readApplication,
  updateApplication,
} from './application-service';

/** 认定（升级）推荐申请: the enterprise applies and follows; the bureau reviews, recommends and records the outcome. */
export function registerApplicationRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['platforms'];
  const fieldLabels = PLATFORM_FIELD_LABELS;
  const readers = rolesAccess('staff', 'leader', 'enterprise');
  const url = '/api/platforms/applications';

  listRoute(app, {
    url,
    tags,
    access: readers,
    fieldLabels,
    querystring: platformApplicationListQuerySchema,
    response: platformApplicationPageSchema,
    list: (input) => listApplications(db, input),
  });

  exportRoute(app, db, {
    url: `${url}/export`,
    access: rolesAccess('staff', 'leader'),
    fieldLabels,
    schema: { tags, querystring: platformApplicationListQuerySchema.omit({ page: true, pageSize: true }) },
    audit: (request) => ({
      event: 'platform-application.export',
      objectType: 'platform_applications',
      after: { query: request.query },
    }),
    fileName: () => '科创平台认定推荐申请',
    sheetName: '认定推荐申请',
    rows: (request) =>
      readAllPages(
        (page, pageSize) =>
          listApplications(db, { actor: requireActor(request), query: { ...request.query, page, pageSize } }),
        200,
      ),
    columns: [
      { header: '申请单位', width: 36, value: (row) => row.enterpriseName },
      { header: '平台名称', width: 36, value: (row) => row.name },
      { header: '平台类型', width: 20, value: (row) => row.typeName },
      { header: '申请级别', width: 10, value: (row) => PLATFORM_LEVEL_LABELS[row.level].zh },
      { header: '申请类别', width: 10, value: (row) => (row.kind === 'upgrade' ? '升级' : '新认定') },
      { header: '条件符合', width: 10, value: (row) => `${row.metCount}/${row.requirementCount}` },
      { header: '提交日期', width: 14, value: (row) => row.submittedOn ?? '' },
      { header: '状态', width: 12, value: (row) => platformApplicationWorkflow.states[row.status].zh },
      { header: '认定文号', width: 24, value: (row) => row.documentNo ?? '' },
    ],
  });

  createRoute(app, db, {
    url,
    access: rolesAccess('enterprise'),
    fieldLabels,
    schema: { tags, body: platformApplicationInputSchema, response: { 201: platformApplicationSchema } },
    create: (request) => createApplication(db, { input: request.body, context: request.context }),
  });

  readRoute(app, {
    url: `${url}/:id`,
    tags,
    access: readers,
    response: platformApplicationSchema,
    read: (input) => readApplication(db, input),
  });

  defineRoute(app, {
    method: 'PUT',
    url: `${url}/:id`,
    access: rolesAccess('enterprise'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: platformApplicationUpdateSchema,
      response: { 200: platformApplicationSchema },
    },
    handler: async (request) =>
      updateApplication(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'POST',
    url: `${url}/:id/approve`,
    access: rolesAccess('staff'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: platformApplicationApprovalSchema,
      response: { 200: platformApplicationSchema },
    },
    handler: async (request) =>
      approveApplication(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  actionRoute(app, {
    url: `${url}/:id/actions/:action`,
    tags,
    access: rolesAccess('staff', 'enterprise'),
    params: platformApplicationActionParamsSchema,
    response: platformApplicationSchema,
    act: (input) => actOnApplication(db, input),
  });
}
