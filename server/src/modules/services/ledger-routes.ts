import {
  categoryName,
  idParamSchema,
  PROBLEM_SOURCE_LABELS,
  serviceCampaignInputSchema,
  serviceCampaignSchema,
  serviceDepartmentSchema,
  serviceExtensionInputSchema,
  serviceProblemActionParamsSchema,
  serviceProblemDetailSchema,
  serviceProblemListQuerySchema,
  serviceProblemPageSchema,
  serviceProblemWorkflow,
  serviceVisitInputSchema,
  serviceVisitListQuerySchema,
  serviceVisitPageSchema,
  serviceVisitSchema,
  transitionBodySchema,
} from '@kechuang/domain';
import { z } from 'zod';
import { requireActor, rolesAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { createRoute, defineRoute, exportRoute, listRoute, readAllPages, readRoute } from '../../core/routes';
import { createCampaign, listCampaigns, listVisits, readCampaign, recordVisit } from './campaigns-service';
import {
  actOnProblem,
  extendProblem,
  listDepartments,
  listProblems,
  readProblem,
  requestExtension,
} from './problems-service';
import { fieldLabels } from './shared';

const tags = ['services'];
const RATING_LABELS = { satisfied: '满意', unsatisfied: '不满意' } as const;
const TIMING_LABELS = {
  overdue: '已超期',
  'due-soon': '即将到期',
  'on-track': '办理中',
  'closed-on-time': '按期办结',
  'closed-late': '超期办结',
} as const;

/** 大调研 campaigns and visits, and the 问题台账 with its steps, extensions and export. */
export function registerLedgerRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const staffOnly = rolesAccess('staff');
  const bureau = rolesAccess('staff', 'leader');
  // A department account reads and answers the tickets of its own department only (problemScope).
  const ticketReaders = rolesAccess('staff', 'leader', 'enterprise', 'department');

  defineRoute(app, {
    method: 'GET',
    url: '/api/services/departments',
    // The system administrator picks one when creating a department account.
    access: rolesAccess('staff', 'leader', 'enterprise', 'sysadmin'),
    schema: { tags, response: { 200: z.object({ items: z.array(serviceDepartmentSchema) }) } },
    handler: async () => ({ items: await listDepartments(db) }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/services/campaigns',
    access: bureau,
    schema: { tags, response: { 200: z.object({ items: z.array(serviceCampaignSchema) }) } },
    handler: async () => listCampaigns(db),
  });

  createRoute(app, db, {
    url: '/api/services/campaigns',
    access: staffOnly,
    fieldLabels,
    schema: { tags, body: serviceCampaignInputSchema, response: { 201: serviceCampaignSchema } },
    create: (request) => createCampaign(db, { input: request.body, context: request.context }),
  });

  readRoute(app, {
    url: '/api/services/campaigns/:id',
    tags,
    access: bureau,
    response: serviceCampaignSchema,
    read: (input) => readCampaign(db, input),
  });

  listRoute(app, {
    url: '/api/services/visits',
    tags,
    access: bureau,
    fieldLabels,
    querystring: serviceVisitListQuerySchema,
    response: serviceVisitPageSchema,
    list: (input) => listVisits(db, input),
  });

  exportRoute(app, db, {
    url: '/api/services/visits/export',
    access: bureau,
    fieldLabels,
    schema: { tags, querystring: serviceVisitListQuerySchema.omit({ page: true, pageSize: true }) },
    audit: (request) => ({
      event: 'service-visit.export',
      objectType: 'service_visits',
      after: { query: request.query },
    }),
    fileName: () => '大调研走访记录',
    sheetName: '走访记录',
    rows: (request) =>
      readAllPages(
        (page, pageSize) =>
          listVisits(db, { actor: requireActor(request), query: { ...request.query, page, pageSize } }),
        200,
      ),
    columns: [
      { header: '走访日期', width: 12, value: (row) => row.visitedOn },
      { header: '走访对象', width: 36, value: (row) => row.enterpriseName },
      { header: '所属街道/镇', width: 14, value: (row) => row.street ?? '' },
      { header: '走访组', width: 12, value: (row) => row.team },
      { header: '走访人员', width: 20, value: (row) => row.visitors },
      { header: '接待人员', width: 20, value: (row) => row.met },
      { header: '走访情况', width: 40, value: (row) => row.findings },
      { header: '意见建议', width: 40, value: (row) => row.suggestions ?? '' },
      { header: '发现问题数', width: 10, value: (row) => row.problemCount },
    ],
  });

  createRoute(app, db, {
    url: '/api/services/visits',
    access: staffOnly,
    fieldLabels,
    schema: { tags, body: serviceVisitInputSchema, response: { 201: serviceVisitSchema } },
    create: (request) => recordVisit(db, { input: request.body, context: request.context }),
  });

  listRoute(app, {
    url: '/api/services/problems',
    tags,
    access: ticketReaders,
    fieldLabels,
    querystring: serviceProblemListQuerySchema,
    response: serviceProblemPageSchema,
    list: (input) => listProblems(db, input),
  });

  exportRoute(app, db, {
    url: '/api/services/problems/export',
    access: bureau,
    fieldLabels,
    schema: { tags, querystring: serviceProblemListQuerySchema.omit({ page: true, pageSize: true }) },
    audit: (request) => ({
      event: 'service-problem.export',
      objectType: 'service_problems',
      after: { query: request.query },
    }),
    fileName: () => '问题台账',
    sheetName: '问题台账',
    rows: (request) =>
      readAllPages(
        (page, pageSize) =>
          listProblems(db, { actor: requireActor(request), query: { ...request.query, page, pageSize } }),
        200,
      ),
    columns: [
      { header: '序号', width: 8, value: (row) => row.serial },
      { header: '问题来源', width: 12, value: (row) => PROBLEM_SOURCE_LABELS[row.source].zh },
      { header: '企业', width: 32, value: (row) => row.enterpriseName },
      { header: '问题类别', width: 14, value: (row) => categoryName(row.category) },
      { header: '问题描述', width: 40, value: (row) => row.description },
      { header: '责任单位', width: 20, value: (row) => row.departmentName },
      { header: '责任人', width: 10, value: (row) => row.assignee ?? '' },
      { header: '交办日期', width: 12, value: (row) => row.assignedOn },
      { header: '时限', width: 12, value: (row) => row.dueOn },
      { header: '整改措施', width: 40, value: (row) => row.measure ?? '' },
      { header: '进展', width: 14, value: (row) => serviceProblemWorkflow.states[row.status].zh },
      {
        header: '回访评价',
        width: 10,
        value: (row) => (row.rating === null ? '' : RATING_LABELS[row.rating]),
      },
      { header: '是否销号', width: 10, value: (row) => (row.status === 'closed' ? '是' : '否') },
      { header: '办理时效', width: 10, value: (row) => TIMING_LABELS[row.timing] },
    ],
  });

  readRoute(app, {
    url: '/api/services/problems/:id',
    tags,
    access: ticketReaders,
    response: serviceProblemDetailSchema,
    read: (input) => readProblem(db, input),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/services/problems/:id/actions/:action',
    access: rolesAccess('staff', 'enterprise', 'department'),
    fieldLabels,
    schema: {
      tags,
      params: serviceProblemActionParamsSchema,
      body: transitionBodySchema,
      response: { 200: serviceProblemDetailSchema },
    },
    handler: async (request) =>
      actOnProblem(db, {
        id: request.params.id,
        action: request.params.action,
        version: request.body.version,
        comment: request.body.comment,
        context: request.context,
      }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/services/problems/:id/extension-request',
    access: rolesAccess('staff', 'department'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: serviceExtensionInputSchema,
      response: { 200: serviceProblemDetailSchema },
    },
    handler: async (request) =>
      requestExtension(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/services/problems/:id/extension',
    access: rolesAccess('leader'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: serviceExtensionInputSchema,
      response: { 200: serviceProblemDetailSchema },
    },
    handler: async (request) =>
      extendProblem(db, { id: request.params.id, input: request.body, context: request.context }),
  });
}
