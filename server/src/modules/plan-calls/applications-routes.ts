import {
  applicationActionBodySchema,
  applicationActionParamsSchema,
  applicationCreateSchema,
  applicationDetailSchema,
  applicationListQuerySchema,
  applicationPageSchema,
  applicationReceiptSchema,
  applicationSaveSchema,
  applicationSubmitSchema,
  idParamSchema,
  PLAN_FIELD_LABELS,
  storedFileInfoSchema,
  submissionCheckSchema,
} from '@kechuang/domain';
import { z } from 'zod';
import type { ModuleDeps, TypedApp } from '../../app';
import { requireActor, rolesAccess } from '../../core/access';
import { attachmentHeader } from '../../core/excel';
import { readUploadedFile, sendStoredFile } from '../../core/files';
import { runIdempotent } from '../../core/idempotency';
import { actOnApplication } from './application-desk-service';
import { buildApplicationDocument } from './application-document';
import {
  checkApplication,
  createApplication,
  saveApplication,
  submitApplication,
} from './application-editing-service';
import { findAttachment, readApplicationForDocument, uploadAttachment } from './application-files-service';
import { listApplications, readApplication } from './applications-service';

const fileParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  fileId: z.coerce.number().int().positive().max(2_147_483_647),
});

/** 项目申报: the enterprise's 申报书 (draft, autosave, submission with receipt), the formal check and the recommendation tier. */
export function registerApplicationRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['plan-applications'];
  const fieldLabels = PLAN_FIELD_LABELS;
  const readers = rolesAccess('staff', 'leader', 'enterprise');

  app.get(
    '/api/plan/applications',
    {
      schema: { tags, querystring: applicationListQuerySchema, response: { 200: applicationPageSchema } },
      config: { access: readers },
    },
    async (request) => listApplications(db, { actor: requireActor(request), query: request.query }),
  );

  app.post(
    '/api/plan/applications',
    {
      schema: { tags, body: applicationCreateSchema, response: { 201: applicationDetailSchema } },
      config: { access: rolesAccess('enterprise'), fieldLabels },
    },
    async (request, reply) =>
      runIdempotent(db, request, reply, async () => ({
        statusCode: 201,
        body: await createApplication(db, { callId: request.body.callId, context: request.context }),
      })),
  );

  app.get(
    '/api/plan/applications/:id',
    {
      schema: { tags, params: idParamSchema, response: { 200: applicationDetailSchema } },
      config: { access: readers },
    },
    async (request) => readApplication(db, { actor: requireActor(request), id: request.params.id }),
  );

  app.put(
    '/api/plan/applications/:id',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: applicationSaveSchema,
        response: { 200: applicationDetailSchema },
      },
      config: { access: rolesAccess('enterprise'), fieldLabels },
    },
    async (request) =>
      saveApplication(db, {
        id: request.params.id,
        version: request.body.version,
        content: request.body.content,
        context: request.context,
      }),
  );

  app.get(
    '/api/plan/applications/:id/check',
    {
      schema: { tags, params: idParamSchema, response: { 200: submissionCheckSchema } },
      config: { access: readers },
    },
    async (request) => checkApplication(db, { actor: requireActor(request), id: request.params.id }),
  );

  app.post(
    '/api/plan/applications/:id/submit',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: applicationSubmitSchema,
        response: { 200: applicationReceiptSchema },
      },
      config: { access: rolesAccess('enterprise'), fieldLabels },
    },
    async (request, reply) =>
      runIdempotent(db, request, reply, async () => ({
        statusCode: 200,
        body: await submitApplication(db, {
          id: request.params.id,
          version: request.body.version,
          context: request.context,
        }),
      })),
  );

  app.post(
    '/api/plan/applications/:id/actions/:action',
    {
      schema: {
        tags,
        params: applicationActionParamsSchema,
        body: applicationActionBodySchema,
        response: { 200: applicationDetailSchema },
      },
      config: { access: rolesAccess('staff', 'enterprise'), fieldLabels },
    },
    async (request) =>
      actOnApplication(db, {
        id: request.params.id,
        action: request.params.action,
        version: request.body.version,
        comment: request.body.comment,
        checklist: request.body.checklist,
        grantedFen: request.body.grantedFen,
        context: request.context,
      }),
  );

  app.post(
    '/api/plan/applications/:id/attachments',
    {
      schema: {
        tags,
        params: idParamSchema,
        consumes: ['multipart/form-data'],
        response: { 201: storedFileInfoSchema },
      },
      config: { access: rolesAccess('enterprise') },
    },
    async (request, reply) => {
      const upload = await readUploadedFile(request);
      const file = await uploadAttachment(db, {
        id: request.params.id,
        buffer: upload.buffer,
        fileName: upload.fileName,
        context: request.context,
      });
      return reply.code(201).send(file);
    },
  );

  app.get(
    '/api/plan/applications/:id/attachments/:fileId',
    { schema: { tags, params: fileParamsSchema }, config: { access: readers } },
    async (request, reply) => {
      const file = await findAttachment(db, {
        actor: requireActor(request),
        id: request.params.id,
        fileId: request.params.fileId,
      });
      return sendStoredFile(reply, db, request.context, file);
    },
  );

  app.get(
    '/api/plan/applications/:id/document',
    { schema: { tags, params: idParamSchema }, config: { access: readers } },
    async (request, reply) => {
      const detail = await readApplicationForDocument(db, {
        context: request.context,
        id: request.params.id,
      });
      const buffer = await buildApplicationDocument(detail);
      const name = `${detail.application.applicationNo ?? '申报书草稿'}-${detail.content.basics.title || '项目申报书'}.docx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', attachmentHeader(name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(buffer);
    },
  );
}
