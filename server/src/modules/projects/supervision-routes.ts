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
  transitionBodySchema,
  uploadedFileSchema,
} from '@kechuang/domain';
import type { ModuleDeps, TypedApp } from '../../app';
import { requireActor, rolesAccess } from '../../core/access';
import { notFound } from '../../core/errors';
import { findStoredFile, readUploadedFile, sendStoredFile, storeFile } from '../../core/files';
import { runIdempotent } from '../../core/idempotency';
import { ownsEnterprise } from '../../core/scope';
import { decideAcceptance, submitFinalReport } from './acceptance-service';
import { decideChange, listChangeQueue, readChange, requestChange } from './changes-service';
import {
  listOverdueReports,
  readProgressReport,
  remindAllOverdue,
  remindReport,
  reviewProgressReport,
  submitProgressReport,
} from './progress-reports-service';
import {
  changeProjectStatus,
  listSupervisionProjects,
  readSupervisionProject,
  recordMidTermCheck,
  setReportSchedule,
} from './supervision-service';
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
