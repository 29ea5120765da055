import {
  contractActionParamsSchema,
  contractBudgetSchema,
  disbursementPlanBodySchema,
  idParamSchema,
  PLAN_PROJECT_FIELD_LABELS,
  paymentBodySchema,
  paymentUpdateSchema,
  planProjectDetailSchema,
  planProjectListQuerySchema,
  planProjectPageSchema,
  type TaskContractContent,
  transitionBodySchema,
} from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import { requireActor, rolesAccess } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { AppError, notFound } from '../../core/errors';
import { attachmentHeader } from '../../core/excel';
import { readUploadedFile, sendStoredFile } from '../../core/files';
import { runIdempotent } from '../../core/idempotency';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { taskContracts } from '../../db/schema';
import {
  findSignedContractFile,
  fireContractAction,
  updateContractBudget,
  uploadSignedContract,
} from './contract-service';
import { renderContractWord } from './contract-word';
import { recordPayment, saveDisbursementPlan, updatePayment } from './project-funds-service';
import { listPlanProjects, readPlanProject, readScopedProject } from './project-service';

/** Established projects: the 任务书 (Word download, signed scan, confirmation) and their funds. */
export function registerPlanProjectRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['projects'];
  const config = { fieldLabels: PLAN_PROJECT_FIELD_LABELS };
  const readers = rolesAccess('staff', 'leader', 'enterprise');

  app.get(
    '/api/plan-projects',
    {
      schema: { tags, querystring: planProjectListQuerySchema, response: { 200: planProjectPageSchema } },
      config: { access: readers },
    },
    async (request) => listPlanProjects(db, { actor: requireActor(request), query: request.query }),
  );

  app.get(
    '/api/plan-projects/:id',
    {
      schema: { tags, params: idParamSchema, response: { 200: planProjectDetailSchema } },
      config: { access: readers },
    },
    async (request) => readPlanProject(db, { actor: requireActor(request), id: request.params.id }),
  );

  app.get(
    '/api/plan-projects/:id/contract/word',
    { schema: { tags, params: idParamSchema }, config: { access: readers } },
    async (request, reply) => {
      const actor = requireActor(request);
      const project = await readScopedProject(db, actor, request.params.id);
      const [contract] = await db
        .select()
        .from(taskContracts)
        .where(eq(taskContracts.planProjectId, project.id));
      if (!contract) throw notFound();
      const buffer = await renderContractWord(project, contract.content as TaskContractContent);
      await recordAudit(db, request.context, {
        event: 'task-contract.download',
        objectType: 'task_contracts',
        objectId: contract.id,
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', attachmentHeader(`任务书-${project.projectNo}.docx`))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(buffer);
    },
  );

  app.put(
    '/api/plan-projects/:id/contract',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: contractBudgetSchema,
        response: { 200: planProjectDetailSchema },
      },
      config: { ...config, access: rolesAccess('staff') },
    },
    async (request) =>
      updateContractBudget(db, { id: request.params.id, input: request.body, context: request.context }),
  );

  app.post(
    '/api/plan-projects/:id/contract/actions/:action',
    {
      schema: {
        tags,
        params: contractActionParamsSchema,
        body: transitionBodySchema,
        response: { 200: planProjectDetailSchema },
      },
      config: { access: rolesAccess('staff') },
    },
    async (request) =>
      fireContractAction(db, {
        id: request.params.id,
        action: request.params.action,
        version: request.body.version,
        comment: request.body.comment,
        context: request.context,
      }),
  );

  app.post(
    '/api/plan-projects/:id/contract/signed',
    {
      schema: {
        tags,
        params: idParamSchema,
        consumes: ['multipart/form-data'],
        response: { 200: planProjectDetailSchema },
      },
      config: { access: rolesAccess('enterprise') },
    },
    async (request) => {
      const actor = requireActor(request);
      // Scope first, so another enterprise gets 404 before its upload is even read.
      await readScopedProject(db, actor, request.params.id);
      const upload = await readUploadedFile(request);
      const version = Number(upload.fields.version);
      if (!Number.isInteger(version) || version < 1)
        throw new AppError(400, 'validation', [{ path: 'version', message: '版本号：必填' }]);
      return uploadSignedContract(db, {
        id: request.params.id,
        buffer: upload.buffer,
        fileName: upload.fileName,
        version,
        context: request.context,
      });
    },
  );

  app.get(
    '/api/plan-projects/:id/contract/signed',
    { schema: { tags, params: idParamSchema }, config: { access: readers } },
    async (request, reply) => {
      const file = await findSignedContractFile(db, requireActor(request), request.params.id);
      return sendStoredFile(reply, db, request.context, file);
    },
  );

  app.put(
    '/api/plan-projects/:id/disbursement-plan',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: disbursementPlanBodySchema,
        response: { 200: planProjectDetailSchema },
      },
      config: { ...config, access: rolesAccess('staff') },
    },
    async (request) =>
      saveDisbursementPlan(db, { id: request.params.id, input: request.body, context: request.context }),
  );

  app.post(
    '/api/plan-projects/:id/payments',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: paymentBodySchema,
        response: { 201: planProjectDetailSchema },
      },
      config: { ...config, access: rolesAccess('staff') },
    },
    async (request, reply) =>
      runIdempotent(db, request, reply, async () => ({
        statusCode: 201,
        body: await recordPayment(db, {
          id: request.params.id,
          input: request.body,
          context: request.context,
        }),
      })),
  );

  app.put(
    '/api/plan-payments/:id',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: paymentUpdateSchema,
        response: { 200: planProjectDetailSchema },
      },
      config: { ...config, access: rolesAccess('staff') },
    },
    async (request) =>
      updatePayment(db, { id: request.params.id, input: request.body, context: request.context }),
  );
}
