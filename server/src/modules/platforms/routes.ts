import {
  coveragePageSchema,
  coverageQuerySchema,
  idParamSchema,
  PLATFORM_FIELD_LABELS,
  PLATFORM_LEVEL_LABELS,
  platformActionBodySchema,
  platformActionParamsSchema,
  platformInputSchema,
  platformListQuerySchema,
  platformPageSchema,
  platformSchema,
  platformStatisticsQuerySchema,
  platformStatisticsSchema,
  platformTypeInputSchema,
  platformTypeSchema,
  platformTypeUpdateSchema,
  platformUpdateSchema,
  platformUpgradeSchema,
  platformWorkflow,
} from '@kechuang/domain';
import { z } from 'zod';
import { requireActor, rolesAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { createRoute, defineRoute, exportRoute, listRoute, readAllPages, readRoute } from '../../core/routes';
import { registerApplicationRoutes } from './application-routes';
import { registerCooperationRoutes } from './cooperation-routes';
import { listCoverage } from './coverage-service';
import { registerEvaluationRoutes } from './evaluation-routes';
import { actOnPlatform, upgradePlatform } from './lifecycle-service';
import { createPlatform, listPlatforms, readPlatform, updatePlatform } from './platforms-service';
import { readPlatformStatistics } from './statistics-service';
import { createPlatformType, listPlatformTypes, updatePlatformType } from './types-service';

const wan = (fen: number | null) => (fen === null ? '' : (fen / 1_000_000).toFixed(2));

/** 科创平台: the type master data, the register, its edits, upgrades and status changes, its export. */
export function registerPlatformRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['platforms'];
  const fieldLabels = PLATFORM_FIELD_LABELS;
  const staffOnly = rolesAccess('staff');
  const readers = rolesAccess('staff', 'leader', 'enterprise');
  registerApplicationRoutes(app, deps);
  registerEvaluationRoutes(app, deps);
  registerCooperationRoutes(app, deps);

  defineRoute(app, {
    method: 'GET',
    url: '/api/platforms/types',
    access: readers,
    schema: { tags, response: { 200: z.object({ items: z.array(platformTypeSchema) }) } },
    handler: async () => ({ items: await listPlatformTypes(db) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/platforms/types',
    access: staffOnly,
    fieldLabels,
    schema: { tags, body: platformTypeInputSchema, response: { 201: platformTypeSchema } },
    handler: async (request, reply) =>
      reply.code(201).send(await createPlatformType(db, { input: request.body, context: request.context })),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/platforms/types/:id',
    access: staffOnly,
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: platformTypeUpdateSchema,
      response: { 200: platformTypeSchema },
    },
    handler: async (request) =>
      updatePlatformType(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  listRoute(app, {
    url: '/api/platforms',
    tags,
    access: readers,
    fieldLabels,
    querystring: platformListQuerySchema,
    response: platformPageSchema,
    list: (input) => listPlatforms(db, input),
  });

  exportRoute(app, db, {
    url: '/api/platforms/export',
    access: rolesAccess('staff', 'leader'),
    fieldLabels,
    schema: { tags, querystring: platformListQuerySchema.omit({ page: true, pageSize: true }) },
    audit: (request) => ({
      event: 'platform.export',
      objectType: 'platforms',
      after: { query: request.query },
    }),
    fileName: () => '科创平台台账',
    sheetName: '科创平台台账',
    rows: (request) =>
      readAllPages(
        async (page, pageSize) =>
          listPlatforms(db, { actor: requireActor(request), query: { ...request.query, page, pageSize } }),
        200,
      ),
    columns: [
      { header: '平台名称', width: 36, value: (row) => row.name },
      { header: '平台类型', width: 20, value: (row) => row.typeName },
      { header: '级别', width: 8, value: (row) => PLATFORM_LEVEL_LABELS[row.level].zh },
      { header: '依托单位', width: 40, value: (row) => row.hosts.map((host) => host.name).join('、') },
      { header: '认定（备案）部门', width: 24, value: (row) => row.approvingBody },
      { header: '认定（备案）文号', width: 24, value: (row) => row.documentNo },
      { header: '认定（备案）日期', width: 14, value: (row) => row.recognizedOn },
      { header: '首次认定日期', width: 14, value: (row) => row.firstRecognizedOn },
      { header: '技术领域', width: 16, value: (row) => row.field ?? '' },
      { header: '所属街道/镇', width: 14, value: (row) => row.street ?? '' },
      { header: '面积（平方米）', width: 12, value: (row) => row.areaSquareMeters ?? '' },
      { header: '人员数', width: 10, value: (row) => row.staffCount ?? '' },
      { header: '仪器设备原值（万元）', width: 16, value: (row) => wan(row.equipmentFen) },
      { header: '状态', width: 8, value: (row) => platformWorkflow.states[row.status].zh },
    ],
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/platforms/statistics',
    access: rolesAccess('staff', 'leader'),
    fieldLabels,
    schema: { tags, querystring: platformStatisticsQuerySchema, response: { 200: platformStatisticsSchema } },
    handler: async (request) => readPlatformStatistics(db, request.query.year),
  });

  listRoute(app, {
    url: '/api/platforms/coverage',
    tags,
    access: rolesAccess('staff', 'leader'),
    fieldLabels,
    querystring: coverageQuerySchema,
    response: coveragePageSchema,
    list: ({ query }) => listCoverage(db, query),
  });

  exportRoute(app, db, {
    url: '/api/platforms/coverage/export',
    access: rolesAccess('staff', 'leader'),
    fieldLabels,
    schema: { tags, querystring: coverageQuerySchema.omit({ page: true, pageSize: true }) },
    audit: (request) => ({
      event: 'platform.coverage.export',
      objectType: 'platforms',
      after: { query: request.query },
    }),
    fileName: (request) => `${request.query.year}年规上企业研发机构覆盖`,
    sheetName: '规上企业研发机构覆盖',
    rows: (request) =>
      readAllPages((page, pageSize) => listCoverage(db, { ...request.query, page, pageSize }), 200),
    columns: [
      { header: '企业名称', width: 36, value: (row) => row.name },
      { header: '统一社会信用代码', width: 22, value: (row) => row.creditCode },
      { header: '所属街道/镇', width: 14, value: (row) => row.street ?? '' },
      { header: '研发机构数', width: 12, value: (row) => row.institutions },
      { header: '有无研发活动', width: 12, value: (row) => (row.hasRdActivity ? '有' : '无') },
    ],
  });

  createRoute(app, db, {
    url: '/api/platforms',
    access: staffOnly,
    fieldLabels,
    schema: { tags, body: platformInputSchema, response: { 201: platformSchema } },
    create: (request) => createPlatform(db, { input: request.body, context: request.context }),
  });

  readRoute(app, {
    url: '/api/platforms/:id',
    tags,
    access: readers,
    response: platformSchema,
    read: (input) => readPlatform(db, input),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/platforms/:id',
    access: staffOnly,
    fieldLabels,
    schema: { tags, params: idParamSchema, body: platformUpdateSchema, response: { 200: platformSchema } },
    handler: async (request) =>
      updatePlatform(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/platforms/:id/upgrade',
    access: staffOnly,
    fieldLabels,
    schema: { tags, params: idParamSchema, body: platformUpgradeSchema, response: { 200: platformSchema } },
    handler: async (request) =>
      upgradePlatform(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/platforms/:id/actions/:action',
    access: staffOnly,
    fieldLabels,
    schema: {
      tags,
      params: platformActionParamsSchema,
      body: platformActionBodySchema,
      response: { 200: platformSchema },
    },
    handler: async (request) =>
      actOnPlatform(db, {
        id: request.params.id,
        action: request.params.action,
        body: request.body,
        context: request.context,
      }),
  });
}
