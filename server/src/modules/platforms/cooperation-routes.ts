import {
  COOPERATION_FORM_LABELS,
  cooperationInputSchema,
  cooperationListQuerySchema,
  cooperationPageSchema,
  cooperationSchema,
  cooperationUpdateSchema,
  idParamSchema,
  PARTNER_KIND_LABELS,
  PLATFORM_FIELD_LABELS,
} from '@kechuang/domain';
import { rolesAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { createRoute, defineRoute, exportRoute, listRoute, readAllPages, readRoute } from '../../core/routes';
import {
  createCooperation,
  listCooperations,
  readCooperation,
  updateCooperation,
} from './cooperation-service';

/** 对接高校: the register of cooperation with universities and institutes, kept by staff. */
export function registerCooperationRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['platforms'];
  const fieldLabels = PLATFORM_FIELD_LABELS;
  const bureau = rolesAccess('staff', 'leader');
  const staffOnly = rolesAccess('staff');
  const url = '/api/platforms/cooperations';

  listRoute(app, {
    url,
    tags,
    access: bureau,
    fieldLabels,
    querystring: cooperationListQuerySchema,
    response: cooperationPageSchema,
    list: ({ query }) => listCooperations(db, query),
  });

  exportRoute(app, db, {
    url: `${url}/export`,
    access: bureau,
    fieldLabels,
    schema: { tags, querystring: cooperationListQuerySchema.omit({ page: true, pageSize: true }) },
    audit: (request) => ({
      event: 'university-cooperation.export',
      objectType: 'university_cooperations',
      after: { query: request.query },
    }),
    fileName: () => '对接高校院所合作台账',
    sheetName: '对接高校院所',
    rows: (request) =>
      readAllPages((page, pageSize) => listCooperations(db, { ...request.query, page, pageSize }), 200),
    columns: [
      { header: '合作高校/院所', width: 30, value: (row) => row.partnerName },
      { header: '类别', width: 10, value: (row) => PARTNER_KIND_LABELS[row.partnerKind].zh },
      { header: '合作形式', width: 14, value: (row) => COOPERATION_FORM_LABELS[row.form].zh },
      { header: '合作事项', width: 40, value: (row) => row.title },
      { header: '签约（落地）日期', width: 14, value: (row) => row.signedOn },
      { header: '终止日期', width: 12, value: (row) => row.endedOn ?? '' },
      { header: '合作企业', width: 32, value: (row) => row.enterpriseName ?? '' },
      { header: '相关平台', width: 32, value: (row) => row.platformName ?? '' },
      { header: '所属街道/镇', width: 14, value: (row) => row.street ?? '' },
    ],
  });

  createRoute(app, db, {
    url,
    access: staffOnly,
    fieldLabels,
    schema: { tags, body: cooperationInputSchema, response: { 201: cooperationSchema } },
    create: (request) => createCooperation(db, { input: request.body, context: request.context }),
  });

  readRoute(app, {
    url: `${url}/:id`,
    tags,
    access: bureau,
    response: cooperationSchema,
    read: ({ id }) => readCooperation(db, { id }),
  });

  defineRoute(app, {
    method: 'PUT',
    url: `${url}/:id`,
    access: staffOnly,
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: cooperationUpdateSchema,
      response: { 200: cooperationSchema },
    },
    handler: async (request) =>
      updateCooperation(db, { id: request.params.id, input: request.body, context: request.context }),
  });
}
