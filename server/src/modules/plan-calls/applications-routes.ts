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
import { requireActor, rolesAccess } from '../../core/access';
import { attachmentHeader } from '../../core/excel';
import { sendStoredFile } from '../../core/files';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { createRoute, defineRoute, listRoute, readRoute, uploadRoute } from '../../core/routes';
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

  listRoute(app, {
    url: '/api/plan/applications',
    tags,
    access: readers,
    querystring: applicationListQuerySchema,
    response: applicationPageSchema,
    list: (input) => listApplications(db, input),
  });

  createRoute(app, db, {
    url: '/api/plan/applications',
    access: rolesAccess('enterprise'),
    fieldLabels,
    schema: { tags, body: applicationCreateSchema, response: { 201: applicationDetailSchema } },
    create: (request) => createApplication(db, { callId: request.body.callId, context: request.context }),
  });

  readRoute(app, {
    url: '/api/plan/applications/:id',
    tags,
    access: readers,
    response: applicationDetailSchema,
    read: (input) => readApplication(db, input),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/plan/applications/:id',
    access: rolesAccess('enterprise'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: applicationSaveSchema,
      response: { 200: applicationDetailSchema },
    },
    handler: async (request) =>
      saveApplication(db, {
        id: request.params.id,
        version: request.body.version,
        content: request.body.content,
        context: request.context,
      }),
  });

  readRoute(app, {
    url: '/api/plan/applications/:id/check',
    tags,
    access: readers,
    response: submissionCheckSchema,
    read: (input) => checkApplication(db, input),
  });

  createRoute(app, db, {
    url: '/api/plan/applications/:id/submit',
    status: 200,
    access: rolesAccess('enterprise'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: applicationSubmitSchema,
      response: { 200: applicationReceiptSchema },
    },
    create: (request) =>
      submitApplication(db, {
        id: request.params.id,
        version: request.body.version,
        context: request.context,
      }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/plan/applications/:id/actions/:action',
    access: rolesAccess('staff', 'enterprise'),
    fieldLabels,
    schema: {
      tags,
      params: applicationActionParamsSchema,
      body: applicationActionBodySchema,
      response: { 200: applicationDetailSchema },
    },
    handler: async (request) =>
      actOnApplication(db, {
        id: request.params.id,
        action: request.params.action,
        version: request.body.version,
        comment: request.body.comment,
        checklist: request.body.checklist,
        grantedFen: request.body.grantedFen,
        context: request.context,
      }),
  });

  uploadRoute(app, {
    url: '/api/plan/applications/:id/attachments',
    tags,
    access: rolesAccess('enterprise'),
    status: 201,
    response: storedFileInfoSchema,
    upload: ({ id, buffer, fileName, context }) => uploadAttachment(db, { id, buffer, fileName, context }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/plan/applications/:id/attachments/:fileId',
    access: readers,
    schema: { tags, params: fileParamsSchema },
    handler: async (request, reply) => {
      const file = await findAttachment(db, {
        actor: requireActor(request),
        id: request.params.id,
        fileId: request.params.fileId,
      });
      return sendStoredFile(reply, db, request.context, file);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/plan/applications/:id/document',
    access: readers,
    schema: { tags, params: idParamSchema },
    handler: async (request, reply) => {
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
  });
}
