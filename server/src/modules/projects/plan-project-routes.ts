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
} from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import { requireActor, rolesAccess } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { AppError, notFound } from '../../core/errors';
import { attachmentHeader } from '../../core/excel';
import { sendStoredFile } from '../../core/files';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { actionRoute, createRoute, listRoute, readRoute, uploadRoute } from '../../core/routes';
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

  listRoute(app, {
    url: '/api/plan-projects',
    tags,
    access: readers,
    querystring: planProjectListQuerySchema,
    response: planProjectPageSchema,
    list: (input) => listPlanProjects(db, input),
  });

  readRoute(app, {
    url: '/api/plan-projects/:id',
    tags,
    access: readers,
    response: planProjectDetailSchema,
    read: (input) => readPlanProject(db, input),
  });

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

  actionRoute(app, {
    url: '/api/plan-projects/:id/contract/actions/:action',
    tags,
    access: rolesAccess('staff'),
    params: contractActionParamsSchema,
    response: planProjectDetailSchema,
    act: (input) => fireContractAction(db, input),
  });

  uploadRoute(app, {
    url: '/api/plan-projects/:id/contract/signed',
    tags,
    access: rolesAccess('enterprise'),
    response: planProjectDetailSchema,
    // Scope first, so another enterprise gets 404 before its upload is even read.
    scope: ({ actor, id }) => readScopedProject(db, actor, id),
    upload: ({ id, buffer, fileName, fields, context }) => {
      const version = Number(fields.version);
      if (!Number.isInteger(version) || version < 1)
        throw new AppError(400, 'validation', [{ path: 'version', message: '版本号：必填' }]);
      return uploadSignedContract(db, { id, buffer, fileName, version, context });
    },
  });

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

  createRoute(app, db, {
    url: '/api/plan-projects/:id/payments',
    access: rolesAccess('staff'),
    ...config,
    schema: {
      tags,
      params: idParamSchema,
      body: paymentBodySchema,
      response: { 201: planProjectDetailSchema },
    },
    create: (request) =>
      recordPayment(db, { id: request.params.id, input: request.body, context: request.context }),
  });

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
