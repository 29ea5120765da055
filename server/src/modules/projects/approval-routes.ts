import {
  approvalBulkBodySchema,
  approvalBulkParamsSchema,
  approvalCallDetailSchema,
  approvalCallSchema,
  establishBodySchema,
  idParamSchema,
  objectionCreateSchema,
  objectionResolveSchema,
  PLAN_APPROVAL_FIELD_LABELS,
  publicityNoticeDetailSchema,
  publicNoticeSchema,
  startPublicityBodySchema,
} from '@kechuang/domain';
import { z } from 'zod';
import { publicAccess, requireActor, rolesAccess } from '../../core/access';
import { runIdempotent } from '../../core/idempotency';
import type { ModuleDeps, TypedApp } from '../../core/module';
import {
  listApprovalCalls,
  readApprovalCall,
  runApprovalBulkAction,
  startPublicity,
} from './approval-service';
import {
  establishNotice,
  listPublicNotices,
  listStaffNotices,
  readNotice,
  recordObjection,
  resolveObjection,
} from './publicity-service';

const staffNoticeSchema = z.object({
  id: z.number().int(),
  callId: z.number().int(),
  title: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  establishedAt: z.string().nullable(),
  isCurrent: z.boolean(),
  itemCount: z.number().int(),
  openObjectionCount: z.number().int(),
});

/** 立项: the funded list with amounts, the leader's approval, the 公示 with objections, and establishment. */
export function registerPlanApprovalRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['projects'];
  const config = { fieldLabels: PLAN_APPROVAL_FIELD_LABELS };

  app.get(
    '/api/plan-approval/calls',
    {
      schema: { tags, response: { 200: z.object({ items: z.array(approvalCallSchema) }) } },
      config: { access: rolesAccess('staff', 'leader') },
    },
    async () => listApprovalCalls(db),
  );

  app.get(
    '/api/plan-approval/calls/:id',
    {
      schema: { tags, params: idParamSchema, response: { 200: approvalCallDetailSchema } },
      config: { access: rolesAccess('staff', 'leader') },
    },
    async (request) => readApprovalCall(db, { actor: requireActor(request), id: request.params.id }),
  );

  app.post(
    '/api/plan-approval/calls/:id/actions/:action',
    {
      schema: {
        tags,
        params: approvalBulkParamsSchema,
        body: approvalBulkBodySchema,
        response: { 200: approvalCallDetailSchema },
      },
      config: { ...config, access: rolesAccess('staff', 'leader') },
    },
    async (request) =>
      runApprovalBulkAction(db, {
        callId: request.params.id,
        action: request.params.action,
        body: request.body,
        context: request.context,
      }),
  );

  app.post(
    '/api/plan-approval/calls/:id/publicity',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: startPublicityBodySchema,
        response: { 201: publicityNoticeDetailSchema },
      },
      config: { ...config, access: rolesAccess('staff') },
    },
    async (request, reply) =>
      runIdempotent(db, request, reply, async () => {
        const { noticeId } = await startPublicity(db, {
          callId: request.params.id,
          body: request.body,
          context: request.context,
        });
        return { statusCode: 201, body: await readNotice(db, noticeId) };
      }),
  );

  app.get(
    '/api/publicity-notices',
    {
      schema: { tags, response: { 200: z.object({ items: z.array(staffNoticeSchema) }) } },
      config: { access: rolesAccess('staff', 'leader') },
    },
    async () => listStaffNotices(db),
  );

  app.get(
    '/api/publicity-notices/:id',
    {
      schema: { tags, params: idParamSchema, response: { 200: publicityNoticeDetailSchema } },
      config: { access: rolesAccess('staff', 'leader') },
    },
    async (request) => readNotice(db, request.params.id),
  );

  app.post(
    '/api/publicity-notices/:id/objections',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: objectionCreateSchema,
        response: { 201: publicityNoticeDetailSchema },
      },
      config: { ...config, access: rolesAccess('staff') },
    },
    async (request, reply) =>
      runIdempotent(db, request, reply, async () => ({
        statusCode: 201,
        body: await recordObjection(db, {
          noticeId: request.params.id,
          input: request.body,
          context: request.context,
        }),
      })),
  );

  app.post(
    '/api/publicity-objections/:id/resolve',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: objectionResolveSchema,
        response: { 200: publicityNoticeDetailSchema },
      },
      config: { ...config, access: rolesAccess('staff') },
    },
    async (request) =>
      resolveObjection(db, { id: request.params.id, input: request.body, context: request.context }),
  );

  app.post(
    '/api/publicity-notices/:id/establish',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: establishBodySchema,
        response: { 200: publicityNoticeDetailSchema },
      },
      config: { access: rolesAccess('staff') },
    },
    async (request) =>
      establishNotice(db, { id: request.params.id, version: request.body.version, context: request.context }),
  );

  app.get(
    '/api/public/publicity-notices',
    {
      schema: { tags: ['public'], response: { 200: z.object({ items: z.array(publicNoticeSchema) }) } },
      config: { access: publicAccess },
    },
    async () => listPublicNotices(db),
  );
}
