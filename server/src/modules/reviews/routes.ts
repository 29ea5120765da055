import {
  assignmentJobCreateSchema,
  conflictOverrideCreateSchema,
  consensusSchema,
  EXPERT_FIELD_LABELS,
  expertActionParamsSchema,
  expertContactSchema,
  expertCreatedSchema,
  expertCreateSchema,
  expertDetailSchema,
  expertListQuerySchema,
  expertPageSchema,
  expertUpdateSchema,
  idParamSchema,
  invitationResponseSchema,
  manualAssignmentSchema,
  REVIEW_ROUND_FIELD_LABELS,
  reminderSchema,
  reviewRoundActionParamsSchema,
  reviewRoundCreateSchema,
  scoreSheetDraftSchema,
  transitionBodySchema,
} from '@kechuang/domain';
import { z } from 'zod';
import type { ModuleDeps, TypedApp } from '../../app';
import { requireActor, rolesAccess } from '../../core/access';
import { runIdempotent } from '../../core/idempotency';
import {
  applyAssignmentJob,
  cancelAssignmentJob,
  readAssignmentJob,
  startAssignmentJob,
} from './assignment-jobs';
import {
  addAssignment,
  removeAssignment,
  reopenAssignment,
  replaceAssignment,
  saveConsensus,
  sendReminders,
} from './assignments-service';
import { listRoundConflicts, overrideConflict } from './conflicts-service';
import {
  createExpert,
  fireExpertAction,
  listExperts,
  readExpert,
  revealExpertContact,
  updateExpert,
} from './expert-pool-service';
import {
  downloadAssignmentFile,
  listOwnAssignments,
  readOwnAssignment,
  respondToInvitation,
  saveSheet,
  submitSheet,
} from './expert-portal-service';
import { exportResultsDocx, exportResultsXlsx, readRoundResults } from './results-service';
import { createRound, fireRoundAction, listReviewableCalls, listRounds, readRound } from './rounds-service';

const fileParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  fileId: z.coerce.number().int().positive().max(2_147_483_647),
});

/** 专家库 and 评审: the pool, rounds, conflicts, assignment runs, results; and the expert's own portal. */
export function registerReviewRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const tags = ['reviews'];
  const staff = rolesAccess('staff');
  const bureau = rolesAccess('staff', 'leader');
  const expert = rolesAccess('expert');
  const roundLabels = { fieldLabels: REVIEW_ROUND_FIELD_LABELS };

  app.get(
    '/api/reviews/experts',
    {
      schema: { tags, querystring: expertListQuerySchema, response: { 200: expertPageSchema } },
      config: { access: bureau },
    },
    async (request) => listExperts(db, { query: request.query }),
  );
  app.post(
    '/api/reviews/experts',
    {
      schema: { tags, body: expertCreateSchema, response: { 201: expertCreatedSchema } },
      config: { access: staff, fieldLabels: EXPERT_FIELD_LABELS },
    },
    async (request, reply) =>
      runIdempotent(db, request, reply, async () => ({
        statusCode: 201,
        body: await createExpert(db, { input: request.body, context: request.context }),
      })),
  );
  app.get(
    '/api/reviews/experts/:id',
    {
      schema: { tags, params: idParamSchema, response: { 200: expertDetailSchema } },
      config: { access: bureau },
    },
    async (request) => readExpert(db, { actor: requireActor(request), id: request.params.id }),
  );
  app.put(
    '/api/reviews/experts/:id',
    {
      schema: {
        tags,
        params: idParamSchema,
        body: expertUpdateSchema,
        response: { 200: expertDetailSchema },
      },
      config: { access: staff, fieldLabels: EXPERT_FIELD_LABELS },
    },
    async (request) =>
      updateExpert(db, { id: request.params.id, input: request.body, context: request.context }),
  );
  app.post(
    '/api/reviews/experts/:id/actions/:action',
    {
      schema: {
        tags,
        params: expertActionParamsSchema,
        body: transitionBodySchema,
        response: { 200: expertDetailSchema },
      },
      config: { access: staff },
    },
    async (request) =>
      fireExpertAction(db, {
        id: request.params.id,
        action: request.params.action,
        version: request.body.version,
        comment: request.body.comment,
        context: request.context,
      }),
  );
  app.post(
    '/api/reviews/experts/:id/contact',
    {
      schema: { tags, params: idParamSchema, response: { 200: expertContactSchema } },
      config: { access: staff },
    },
    async (request) => revealExpertContact(db, { id: request.params.id, context: request.context }),
  );

  app.get('/api/reviews/calls', { schema: { tags }, config: { access: staff } }, async () =>
    listReviewableCalls(db),
  );
  app.get('/api/reviews/rounds', { schema: { tags }, config: { access: bureau } }, async () =>
    listRounds(db),
  );
  app.post(
    '/api/reviews/rounds',
    { schema: { tags, body: reviewRoundCreateSchema }, config: { access: staff, ...roundLabels } },
    async (request, reply) =>
      runIdempotent(db, request, reply, async () => ({
        statusCode: 201,
        body: await createRound(db, { input: request.body, context: request.context }),
      })),
  );
  app.get(
    '/api/reviews/rounds/:id',
    { schema: { tags, params: idParamSchema }, config: { access: bureau } },
    async (request) => readRound(db, { actor: requireActor(request), id: request.params.id }),
  );
  app.post(
    '/api/reviews/rounds/:id/actions/:action',
    {
      schema: { tags, params: reviewRoundActionParamsSchema, body: transitionBodySchema },
      config: { access: staff },
    },
    async (request) =>
      fireRoundAction(db, {
        id: request.params.id,
        action: request.params.action,
        version: request.body.version,
        comment: request.body.comment,
        context: request.context,
      }),
  );
  app.get(
    '/api/reviews/rounds/:id/conflicts',
    { schema: { tags, params: idParamSchema }, config: { access: staff } },
    async (request) => listRoundConflicts(db, { id: request.params.id }),
  );
  app.post(
    '/api/reviews/rounds/:id/conflict-overrides',
    {
      schema: { tags, params: idParamSchema, body: conflictOverrideCreateSchema },
      config: { access: staff, ...roundLabels },
    },
    async (request) =>
      overrideConflict(db, { id: request.params.id, input: request.body, context: request.context }),
  );
  app.post(
    '/api/reviews/rounds/:id/assignment-jobs',
    {
      schema: { tags, params: idParamSchema, body: assignmentJobCreateSchema },
      config: { access: staff, ...roundLabels },
    },
    async (request, reply) =>
      reply.code(202).send(
        await startAssignmentJob(db, {
          id: request.params.id,
          input: request.body,
          context: request.context,
        }),
      ),
  );
  app.get(
    '/api/reviews/assignment-jobs/:id',
    { schema: { tags, params: idParamSchema }, config: { access: staff } },
    async (request) => readAssignmentJob(db, { id: request.params.id }),
  );
  app.post(
    '/api/reviews/assignment-jobs/:id/cancel',
    { schema: { tags, params: idParamSchema }, config: { access: staff } },
    async (request) => cancelAssignmentJob(db, { id: request.params.id, context: request.context }),
  );
  app.post(
    '/api/reviews/assignment-jobs/:id/apply',
    { schema: { tags, params: idParamSchema }, config: { access: staff } },
    async (request) => applyAssignmentJob(db, { id: request.params.id, context: request.context }),
  );
  app.post(
    '/api/reviews/rounds/:id/assignments',
    {
      schema: { tags, params: idParamSchema, body: manualAssignmentSchema },
      config: { access: staff, ...roundLabels },
    },
    async (request) =>
      addAssignment(db, { id: request.params.id, ...request.body, context: request.context }),
  );
  app.delete(
    '/api/reviews/assignments/:id',
    { schema: { tags, params: idParamSchema }, config: { access: staff } },
    async (request) => removeAssignment(db, { id: request.params.id, context: request.context }),
  );
  app.post(
    '/api/reviews/assignments/:id/replace',
    { schema: { tags, params: idParamSchema }, config: { access: staff } },
    async (request) => replaceAssignment(db, { id: request.params.id, context: request.context }),
  );
  app.post(
    '/api/reviews/assignments/:id/reopen',
    { schema: { tags, params: idParamSchema }, config: { access: staff } },
    async (request) => reopenAssignment(db, { id: request.params.id, context: request.context }),
  );
  app.post(
    '/api/reviews/rounds/:id/reminders',
    {
      schema: { tags, params: idParamSchema, body: reminderSchema },
      config: { access: staff, ...roundLabels },
    },
    async (request) =>
      sendReminders(db, {
        id: request.params.id,
        expertIds: request.body.expertIds,
        context: request.context,
      }),
  );
  app.put(
    '/api/reviews/rounds/:id/consensus',
    {
      schema: { tags, params: idParamSchema, body: consensusSchema },
      config: { access: staff, ...roundLabels },
    },
    async (request) =>
      saveConsensus(db, { id: request.params.id, ...request.body, context: request.context }),
  );
  app.get(
    '/api/reviews/rounds/:id/results',
    { schema: { tags, params: idParamSchema }, config: { access: bureau } },
    async (request) => readRoundResults(db, { id: request.params.id, context: request.context }),
  );
  app.get(
    '/api/reviews/rounds/:id/results/xlsx',
    { schema: { tags, params: idParamSchema }, config: { access: bureau } },
    async (request, reply) =>
      exportResultsXlsx(db, reply, { id: request.params.id, context: request.context }),
  );
  app.get(
    '/api/reviews/rounds/:id/results/docx',
    { schema: { tags, params: idParamSchema }, config: { access: bureau } },
    async (request, reply) =>
      exportResultsDocx(db, reply, { id: request.params.id, context: request.context }),
  );

  app.get('/api/expert/assignments', { schema: { tags }, config: { access: expert } }, async (request) =>
    listOwnAssignments(db, { actor: requireActor(request) }),
  );
  app.get(
    '/api/expert/assignments/:id',
    { schema: { tags, params: idParamSchema }, config: { access: expert } },
    async (request) =>
      readOwnAssignment(db, {
        actor: requireActor(request),
        id: request.params.id,
        context: request.context,
      }),
  );
  app.post(
    '/api/expert/assignments/:id/respond',
    {
      schema: { tags, params: idParamSchema, body: invitationResponseSchema },
      config: { access: expert, ...roundLabels },
    },
    async (request) =>
      respondToInvitation(db, {
        actor: requireActor(request),
        id: request.params.id,
        input: request.body,
        context: request.context,
      }),
  );
  app.put(
    '/api/expert/assignments/:id/sheet',
    {
      schema: { tags, params: idParamSchema, body: scoreSheetDraftSchema },
      config: { access: expert, ...roundLabels },
    },
    async (request) =>
      saveSheet(db, {
        actor: requireActor(request),
        id: request.params.id,
        input: request.body,
        context: request.context,
      }),
  );
  app.post(
    '/api/expert/assignments/:id/submit',
    {
      schema: { tags, params: idParamSchema, body: scoreSheetDraftSchema },
      config: { access: expert, ...roundLabels },
    },
    async (request, reply) =>
      runIdempotent(db, request, reply, async () => ({
        statusCode: 200,
        body: await submitSheet(db, {
          actor: requireActor(request),
          id: request.params.id,
          input: request.body,
          context: request.context,
        }),
      })),
  );
  app.get(
    '/api/expert/assignments/:id/files/:fileId',
    { schema: { tags, params: fileParamsSchema }, config: { access: expert } },
    async (request, reply) =>
      downloadAssignmentFile(db, reply, {
        actor: requireActor(request),
        id: request.params.id,
        fileId: request.params.fileId,
        context: request.context,
      }),
  );
}
