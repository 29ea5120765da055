import {
  acceptanceBodySchema,
  acceptanceParamsSchema,
  changeActionParamsSchema,
  changeQueueQuerySchema,
  changeRequestCreateSchema,
  changeRequestDetailSchema,
  changeRequestSchema,
  finalReportSubmitSchema,
  idParamSchema,
  midTermCheckInputSchema,
  overdueQuerySchema,
  overdueReportPageSchema,
  pageSchema,
  planProjectWorkflow,
  progressReportDetailSchema,
  progressReportSubmitSchema,
  projectStatusActionBodySchema,
  projectStatusActionParamsSchema,
  remindResultSchema,
  reportReviewParamsSchema,
  reportScheduleSchema,
  SUPERVISION_FIELD_LABELS,
  supervisionProjectDetailSchema,
  supervisionProjectListQuerySchema,
  supervisionProjectPageSchema,
  uploadedFileSchema,
} from '@kechuang/domain';
import { requireActor, rolesAccess } from '../../core/access';
import { notFound } from '../../core/errors';
import { findStoredFile, readUploadedFile, sendStoredFile, storeFile } from '../../core/files';
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
import { ownsEnterprise } from '../../core/scope';
import { decideAcceptance, submitFinalReport } from './acceptance-service';
import { decideChange, listChangeQueue, readChange, requestChange } from './changes-service';
import { readProgressReport, reviewProgressReport, submitProgressReport } from './progress-reports-service';
import { changeProjectStatus, recordMidTermCheck, setReportSchedule } from './project-actions-service';
import { listOverdueReports, remindAllOverdue, remindReport } from './report-reminders-service';
import { listSupervisionProjects, readSupervisionProject } from './supervision-service';
import { loadScopedProject, SUPERVISION_FILE_PURPOSE } from './supervision-shared';

/**
 * 项目监督与验收: progress reports, the mid-term check, change requests, suspension/termination/revocation,
 * and acceptance, on established plan projects. Enterprises reach only their own projects (404 otherwise).
 */
export function registerProjectSupervisionRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['projects'];
  const readers = rolesAccess('staff', 'leader', 'enterprise');
  const fieldLabels = SUPERVISION_FIELD_LABELS;

  listRoute(app, {
    url: '/api/supervision/projects',
    tags,
    access: readers,
    querystring: supervisionProjectListQuerySchema,
    response: supervisionProjectPageSchema,
    list: (input) => listSupervisionProjects(db, input),
  });

  const wan = (fen: number) => Number((fen / 1_000_000).toFixed(2));
  exportRoute(app, db, {
    url: '/api/supervision/projects/export',
    schema: { tags, querystring: supervisionProjectListQuerySchema },
    access: rolesAccess('staff', 'leader'),
    audit: (request) => ({
      event: 'plan-project.supervision.export',
      objectType: 'plan_projects',
      after: { query: request.query },
    }),
    fileName: () => '科技计划项目',
    sheetName: '科技计划项目',
    rows: (request) =>
      readAllPages(
        (page, pageSize) =>
          listSupervisionProjects(db, {
            actor: requireActor(request),
            query: { ...request.query, page, pageSize },
          }),
        200,
      ),
    columns: [
      { header: '项目编号', width: 18, value: (row) => row.projectNo },
      { header: '项目名称', width: 36, value: (row) => row.title },
      { header: '承担单位', width: 36, value: (row) => row.enterpriseName },
      { header: '年度', width: 8, value: (row) => row.year },
      { header: '状态', width: 12, value: (row) => planProjectWorkflow.states[row.status].zh },
      { header: '项目负责人', width: 12, value: (row) => row.principalName ?? '' },
      { header: '批准资金（万元）', width: 14, value: (row) => wan(row.approvedFen) },
      { header: '开始日期', width: 12, value: (row) => row.startOn },
      { header: '结束日期', width: 12, value: (row) => row.extendedEndOn ?? row.endOn },
      { header: '逾期报告（期）', width: 12, value: (row) => row.overdueReports },
      { header: '待审变更', width: 10, value: (row) => row.pendingChanges },
    ],
  });

  readRoute(app, {
    url: '/api/supervision/projects/:id',
    tags,
    access: readers,
    response: supervisionProjectDetailSchema,
    read: (input) => readSupervisionProject(db, input),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/supervision/projects/:id/report-schedule',
    access: rolesAccess('staff'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: reportScheduleSchema,
      response: { 200: supervisionProjectDetailSchema },
    },
    handler: async (request) =>
      setReportSchedule(db, {
        id: request.params.id,
        intervalMonths: request.body.intervalMonths,
        context: request.context,
      }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/supervision/projects/:id/status/:action',
    access: rolesAccess('staff'),
    fieldLabels,
    schema: {
      tags,
      params: projectStatusActionParamsSchema,
      body: projectStatusActionBodySchema,
      response: { 200: supervisionProjectDetailSchema },
    },
    handler: async (request) =>
      changeProjectStatus(db, {
        id: request.params.id,
        action: request.params.action,
        input: request.body,
        context: request.context,
      }),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/supervision/projects/:id/mid-term-check',
    access: rolesAccess('staff'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: midTermCheckInputSchema,
      response: { 200: supervisionProjectDetailSchema },
    },
    handler: async (request) =>
      recordMidTermCheck(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/supervision/projects/:id/files',
    access: rolesAccess('enterprise'),
    schema: { tags, params: idParamSchema, response: { 201: uploadedFileSchema } },
    handler: async (request, reply) => {
      const project = await loadScopedProject(db, requireActor(request), request.params.id);
      const upload = await readUploadedFile(request);
      const file = await db.transaction((tx) =>
        storeFile(tx, request.context, {
          buffer: upload.buffer,
          fileName: upload.fileName,
          purpose: SUPERVISION_FILE_PURPOSE,
          ownerEnterpriseId: project.enterpriseId,
        }),
      );
      return reply.code(201).send({ id: file.id, fileName: file.fileName, size: file.size });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/supervision/files/:id',
    access: readers,
    schema: { tags, params: idParamSchema },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const file = await findStoredFile(db, request.params.id);
      const mayRead =
        file?.purpose === SUPERVISION_FILE_PURPOSE &&
        (actor.role !== 'enterprise' ||
          (file.ownerEnterpriseId !== null && ownsEnterprise(actor, file.ownerEnterpriseId)));
      if (!file || !mayRead) throw notFound();
      return sendStoredFile(reply, db, request.context, file);
    },
  });

  // ---- progress reports ----

  readRoute(app, {
    url: '/api/supervision/reports/:id',
    tags,
    access: readers,
    response: progressReportDetailSchema,
    read: (input) => readProgressReport(db, input),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/supervision/reports/:id/submit',
    access: rolesAccess('enterprise'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: progressReportSubmitSchema,
      response: { 200: progressReportDetailSchema },
    },
    handler: async (request) =>
      submitProgressReport(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  actionRoute(app, {
    url: '/api/supervision/reports/:id/review/:action',
    tags,
    access: rolesAccess('staff'),
    params: reportReviewParamsSchema,
    response: progressReportDetailSchema,
    act: (input) => reviewProgressReport(db, input),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/supervision/reports/:id/remind',
    access: rolesAccess('staff'),
    schema: { tags, params: idParamSchema, response: { 200: remindResultSchema } },
    handler: async (request) => remindReport(db, { id: request.params.id, context: request.context }),
  });

  listRoute(app, {
    url: '/api/supervision/overdue-reports',
    tags,
    access: rolesAccess('staff', 'leader'),
    querystring: overdueQuerySchema,
    response: overdueReportPageSchema,
    list: (input) => listOverdueReports(db, input),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/supervision/overdue-reports/remind',
    access: rolesAccess('staff'),
    schema: { tags, response: { 200: remindResultSchema } },
    handler: async (request) => remindAllOverdue(db, { context: request.context }),
  });

  // ---- change requests ----

  listRoute(app, {
    url: '/api/supervision/changes',
    tags,
    access: readers,
    querystring: changeQueueQuerySchema,
    response: pageSchema(changeRequestSchema),
    list: (input) => listChangeQueue(db, input),
  });

  createRoute(app, db, {
    url: '/api/supervision/projects/:id/changes',
    access: rolesAccess('enterprise'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: changeRequestCreateSchema,
      response: { 201: changeRequestDetailSchema },
    },
    create: (request) =>
      requestChange(db, { projectId: request.params.id, input: request.body, context: request.context }),
  });

  readRoute(app, {
    url: '/api/supervision/changes/:id',
    tags,
    access: readers,
    response: changeRequestDetailSchema,
    read: (input) => readChange(db, input),
  });

  actionRoute(app, {
    url: '/api/supervision/changes/:id/actions/:action',
    tags,
    access: rolesAccess('staff', 'enterprise'),
    params: changeActionParamsSchema,
    response: changeRequestDetailSchema,
    act: (input) => decideChange(db, input),
  });

  // ---- acceptance ----

  createRoute(app, db, {
    url: '/api/supervision/projects/:id/final-report',
    status: 200,
    access: rolesAccess('enterprise'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: finalReportSubmitSchema,
      response: { 200: supervisionProjectDetailSchema },
    },
    create: (request) =>
      submitFinalReport(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/supervision/projects/:id/acceptance/:action',
    access: rolesAccess('staff'),
    fieldLabels,
    schema: {
      tags,
      params: acceptanceParamsSchema,
      body: acceptanceBodySchema,
      response: { 200: supervisionProjectDetailSchema },
    },
    handler: async (request) =>
      decideAcceptance(db, {
        id: request.params.id,
        action: request.params.action,
        input: request.body,
        context: request.context,
      }),
  });
}
