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
  type SupervisionProject,
  supervisionProjectDetailSchema,
  supervisionProjectListQuerySchema,
  supervisionProjectPageSchema,
  transitionBodySchema,
  uploadedFileSchema,
} from '@kechuang/domain';
import type { ModuleDeps, TypedApp } from '../../app';
import { requireActor, rolesAccess } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { notFound } from '../../core/errors';
import { sendXlsx } from '../../core/excel';
import { findStoredFile, readUploadedFile, sendStoredFile, storeFile } from '../../core/files';
import { runIdempotent } from '../../core/idempotency';
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

  app.get(
    '/api/supervision/projects',
    {
      schema: {
        tags,
        querystring: supervisionProjectListQuerySchema,
        response: { 200: supervisionProjectPageSchema },
      },
      config: { access: readers },
    },
    async (request) => listSupervisionProjects(db, { actor: requireActor(request), query: request.query }),
  );

  app.get(
    '/api/supervision/projects/export',
    {
      schema: { tags, querystring: supervisionProjectListQuerySchema },
      config: { access: rolesAccess('staff', 'leader') },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const query = request.query;
      await recordAudit(db, request.context, {
        event: 'plan-project.supervision.export',
        objectType: 'plan_projects',
        after: { query },
      });
      const wan = (fen: number) => Number((fen / 1_000_000).toFixed(2));
      return sendXlsx(reply, {
        fileName: `科技计划项目-${new Date().toISOString().slice(0, 10)}.xlsx`,
        sheetName: '科技计划项目',
        columns: [
          { header: '项目编号', width: 18, value: (row: SupervisionProject) => row.projectNo },
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
        pages: (async function* () {
          for (let page = 1; ; page++) {
            const result = await listSupervisionProjects(db, {
              actor,
              query: { ...query, page, pageSize: 200 },
            });
            yield result.items;
            if (result.items.length < 200) return;
          }
        })(),
      });
    },
  );

  app.get(
    '/api/supervision/projects/:id',
    {
      schema: { tags, params: idParamSchema, response: { 200: supervisionProjectDetailSchema } },
      config: { access: readers },
    },
    async (request) => readSupervisionProject(db, { actor: requireActor(request), id: request.params.id }),
  );

  app.put(
    '/api/supervision/projects/:id/report-schedule',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: reportScheduleSchema,
        response: { 200: supervisionProjectDetailSchema },
      },
      config: { access: rolesAccess('staff'), fieldLabels },
    },
    async (request) =>
      setReportSchedule(db, {
        id: request.params.id,
        intervalMonths: request.body.intervalMonths,
        context: request.context,
      }),
  );

  app.post(
    '/api/supervision/projects/:id/status/:action',
    {
      schema: {
        tags,
        params: projectStatusActionParamsSchema,
        body: projectStatusActionBodySchema,
        response: { 200: supervisionProjectDetailSchema },
      },
      config: { access: rolesAccess('staff'), fieldLabels },
    },
    async (request) =>
      changeProjectStatus(db, {
        id: request.params.id,
        action: request.params.action,
        input: request.body,
        context: request.context,
      }),
  );

  app.put(
    '/api/supervision/projects/:id/mid-term-check',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: midTermCheckInputSchema,
        response: { 200: supervisionProjectDetailSchema },
      },
      config: { access: rolesAccess('staff'), fieldLabels },
    },
    async (request) =>
      recordMidTermCheck(db, { id: request.params.id, input: request.body, context: request.context }),
  );

  app.post(
    '/api/supervision/projects/:id/files',
    {
      schema: { tags, params: idParamSchema, response: { 201: uploadedFileSchema } },
      config: { access: rolesAccess('enterprise') },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const project = await loadScopedProject(db, actor, request.params.id);
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
  );

  app.get(
    '/api/supervision/files/:id',
    { schema: { tags, params: idParamSchema }, config: { access: readers } },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await findStoredFile(db, request.params.id);
      const mayRead =
        file?.purpose === SUPERVISION_FILE_PURPOSE &&
        (actor.role !== 'enterprise' ||
          (file.ownerEnterpriseId !== null && ownsEnterprise(actor, file.ownerEnterpriseId)));
      if (!file || !mayRead) throw notFound();
      return sendStoredFile(reply, db, request.context, file);
    },
  );

  // ---- progress reports ----

  app.get(
    '/api/supervision/reports/:id',
    {
      schema: { tags, params: idParamSchema, response: { 200: progressReportDetailSchema } },
      config: { access: readers },
    },
    async (request) => readProgressReport(db, { actor: requireActor(request), id: request.params.id }),
  );

  app.post(
    '/api/supervision/reports/:id/submit',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: progressReportSubmitSchema,
        response: { 200: progressReportDetailSchema },
      },
      config: { access: rolesAccess('enterprise'), fieldLabels },
    },
    async (request) =>
      submitProgressReport(db, { id: request.params.id, input: request.body, context: request.context }),
  );

  app.post(
    '/api/supervision/reports/:id/review/:action',
    {
      schema: {
        tags,
        params: reportReviewParamsSchema,
        body: transitionBodySchema,
        response: { 200: progressReportDetailSchema },
      },
      config: { access: rolesAccess('staff') },
    },
    async (request) =>
      reviewProgressReport(db, {
        id: request.params.id,
        action: request.params.action,
        version: request.body.version,
        comment: request.body.comment,
        context: request.context,
      }),
  );

  app.post(
    '/api/supervision/reports/:id/remind',
    {
      schema: { tags, params: idParamSchema, response: { 200: remindResultSchema } },
      config: { access: rolesAccess('staff') },
    },
    async (request) => remindReport(db, { id: request.params.id, context: request.context }),
  );

  app.get(
    '/api/supervision/overdue-reports',
    {
      schema: { tags, querystring: overdueQuerySchema, response: { 200: overdueReportPageSchema } },
      config: { access: rolesAccess('staff', 'leader') },
    },
    async (request) => listOverdueReports(db, { actor: requireActor(request), query: request.query }),
  );

  app.post(
    '/api/supervision/overdue-reports/remind',
    {
      schema: { tags, response: { 200: remindResultSchema } },
      config: { access: rolesAccess('staff') },
    },
    async (request) => remindAllOverdue(db, { context: request.context }),
  );

  // ---- change requests ----

  app.get(
    '/api/supervision/changes',
    {
      schema: {
        tags,
        querystring: changeQueueQuerySchema,
        response: { 200: pageSchema(changeRequestSchema) },
      },
      config: { access: readers },
    },
    async (request) => listChangeQueue(db, { actor: requireActor(request), query: request.query }),
  );

  app.post(
    '/api/supervision/projects/:id/changes',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: changeRequestCreateSchema,
        response: { 201: changeRequestDetailSchema },
      },
      config: { access: rolesAccess('enterprise'), fieldLabels },
    },
    async (request, reply) =>
      runIdempotent(db, request, reply, async () => ({
        statusCode: 201,
        body: await requestChange(db, {
          projectId: request.params.id,
          input: request.body,
          context: request.context,
        }),
      })),
  );

  app.get(
    '/api/supervision/changes/:id',
    {
      schema: { tags, params: idParamSchema, response: { 200: changeRequestDetailSchema } },
      config: { access: readers },
    },
    async (request) => readChange(db, { actor: requireActor(request), id: request.params.id }),
  );

  app.post(
    '/api/supervision/changes/:id/actions/:action',
    {
      schema: {
        tags,
        params: changeActionParamsSchema,
        body: transitionBodySchema,
        response: { 200: changeRequestDetailSchema },
      },
      config: { access: rolesAccess('staff', 'enterprise') },
    },
    async (request) =>
      decideChange(db, {
        id: request.params.id,
        action: request.params.action,
        version: request.body.version,
        comment: request.body.comment,
        context: request.context,
      }),
  );

  // ---- acceptance ----

  app.post(
    '/api/supervision/projects/:id/final-report',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: finalReportSubmitSchema,
        response: { 200: supervisionProjectDetailSchema },
      },
      config: { access: rolesAccess('enterprise'), fieldLabels },
    },
    async (request, reply) =>
      runIdempotent(db, request, reply, async () => ({
        statusCode: 200,
        body: await submitFinalReport(db, {
          id: request.params.id,
          input: request.body,
          context: request.context,
        }),
      })),
  );

  app.post(
    '/api/supervision/projects/:id/acceptance/:action',
    {
      schema: {
        tags,
        params: acceptanceParamsSchema,
        body: acceptanceBodySchema,
        response: { 200: supervisionProjectDetailSchema },
      },
      config: { access: rolesAccess('staff'), fieldLabels },
    },
    async (request) =>
      decideAcceptance(db, {
        id: request.params.id,
        action: request.params.action,
        input: request.body,
        context: request.context,
      }),
  );
}
