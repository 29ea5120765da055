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
} from '@kechuang/domain';
import { z } from 'zod';
import { requireActor, rolesAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import {
  actionRoute,
  commandRoute,
  createRoute,
  defineRoute,
  listRoute,
  type RouteRequest,
  readRoute,
} from '../../core/routes';
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
  const fieldLabels = REVIEW_ROUND_FIELD_LABELS;

  listRoute(app, {
    url: '/api/reviews/experts',
    tags,
    access: bureau,
    querystring: expertListQuerySchema,
    response: expertPageSchema,
    list: ({ query }) => listExperts(db, { query }),
  });
  createRoute(app, db, {
    url: '/api/reviews/experts',
    access: staff,
    fieldLabels: EXPERT_FIELD_LABELS,
    schema: { tags, body: expertCreateSchema, response: { 201: expertCreatedSchema } },
    create: (request) => createExpert(db, { input: request.body, context: request.context }),
  });
  readRoute(app, {
    url: '/api/reviews/experts/:id',
    tags,
    access: bureau,
    response: expertDetailSchema,
    read: (input) => readExpert(db, input),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/reviews/experts/:id',
    access: staff,
    fieldLabels: EXPERT_FIELD_LABELS,
    schema: { tags, params: idParamSchema, body: expertUpdateSchema, response: { 200: expertDetailSchema } },
    handler: async (request) =>
      updateExpert(db, { id: request.params.id, input: request.body, context: request.context }),
  });
  actionRoute(app, {
    url: '/api/reviews/experts/:id/actions/:action',
    tags,
    access: staff,
    params: expertActionParamsSchema,
    response: expertDetailSchema,
    act: (input) => fireExpertAction(db, input),
  });
  commandRoute(app, {
    method: 'POST',
    url: '/api/reviews/experts/:id/contact',
    tags,
    access: staff,
    response: expertContactSchema,
    run: (input) => revealExpertContact(db, input),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/reviews/calls',
    access: staff,
    schema: { tags },
    handler: async () => listReviewableCalls(db),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/reviews/rounds',
    access: bureau,
    schema: { tags },
    handler: async () => listRounds(db),
  });
  createRoute(app, db, {
    url: '/api/reviews/rounds',
    access: staff,
    fieldLabels,
    schema: { tags, body: reviewRoundCreateSchema },
    create: (request) => createRound(db, { input: request.body, context: request.context }),
  });
  readRoute(app, {
    url: '/api/reviews/rounds/:id',
    tags,
    access: bureau,
    read: (input) => readRound(db, input),
  });
  actionRoute(app, {
    url: '/api/reviews/rounds/:id/actions/:action',
    tags,
    access: staff,
    params: reviewRoundActionParamsSchema,
    act: (input) => fireRoundAction(db, input),
  });
  readRoute(app, {
    url: '/api/reviews/rounds/:id/conflicts',
    tags,
    access: staff,
    read: ({ id }) => listRoundConflicts(db, { id }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/reviews/rounds/:id/conflict-overrides',
    access: staff,
    fieldLabels,
    schema: { tags, params: idParamSchema, body: conflictOverrideCreateSchema },
    handler: async (request) =>
      overrideConflict(db, { id: request.params.id, input: request.body, context: request.context }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/reviews/rounds/:id/assignment-jobs',
    access: staff,
    fieldLabels,
    schema: { tags, params: idParamSchema, body: assignmentJobCreateSchema },
    handler: async (request, reply) =>
      reply.code(202).send(
        await startAssignmentJob(db, {
          id: request.params.id,
          input: request.body,
          context: request.context,
        }),
      ),
  });
  readRoute(app, {
    url: '/api/reviews/assignment-jobs/:id',
    tags,
    access: staff,
    read: ({ id }) => readAssignmentJob(db, { id }),
  });
  commandRoute(app, {
    method: 'POST',
    url: '/api/reviews/assignment-jobs/:id/cancel',
    tags,
    access: staff,
    run: (input) => cancelAssignmentJob(db, input),
  });
  commandRoute(app, {
    method: 'POST',
    url: '/api/reviews/assignment-jobs/:id/apply',
    tags,
    access: staff,
    run: (input) => applyAssignmentJob(db, input),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/reviews/rounds/:id/assignments',
    access: staff,
    fieldLabels,
    schema: { tags, params: idParamSchema, body: manualAssignmentSchema },
    handler: async (request) =>
      addAssignment(db, { id: request.params.id, ...request.body, context: request.context }),
  });
  commandRoute(app, {
    method: 'DELETE',
    url: '/api/reviews/assignments/:id',
    tags,
    access: staff,
    run: (input) => removeAssignment(db, input),
  });
  commandRoute(app, {
    method: 'POST',
    url: '/api/reviews/assignments/:id/replace',
    tags,
    access: staff,
    run: (input) => replaceAssignment(db, input),
  });
  commandRoute(app, {
    method: 'POST',
    url: '/api/reviews/assignments/:id/reopen',
    tags,
    access: staff,
    run: (input) => reopenAssignment(db, input),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/reviews/rounds/:id/reminders',
    access: staff,
    fieldLabels,
    schema: { tags, params: idParamSchema, body: reminderSchema },
    handler: async (request) =>
      sendReminders(db, {
        id: request.params.id,
        expertIds: request.body.expertIds,
        context: request.context,
      }),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/reviews/rounds/:id/consensus',
    access: staff,
    fieldLabels,
    schema: { tags, params: idParamSchema, body: consensusSchema },
    handler: async (request) =>
      saveConsensus(db, { id: request.params.id, ...request.body, context: request.context }),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/reviews/rounds/:id/results',
    access: bureau,
    schema: { tags, params: idParamSchema },
    handler: async (request) => readRoundResults(db, { id: request.params.id, context: request.context }),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/reviews/rounds/:id/results/xlsx',
    access: bureau,
    schema: { tags, params: idParamSchema },
    handler: async (request, reply) =>
      exportResultsXlsx(db, reply, { id: request.params.id, context: request.context }),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/reviews/rounds/:id/results/docx',
    access: bureau,
    schema: { tags, params: idParamSchema },
    handler: async (request, reply) =>
      exportResultsDocx(db, reply, { id: request.params.id, context: request.context }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/expert/assignments',
    access: expert,
    schema: { tags },
    handler: async (request) => listOwnAssignments(db, { actor: requireActor(request) }),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/expert/assignments/:id',
    access: expert,
    schema: { tags, params: idParamSchema },
    handler: async (request) =>
      readOwnAssignment(db, {
        actor: requireActor(request),
        id: request.params.id,
        context: request.context,
      }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/expert/assignments/:id/respond',
    access: expert,
    fieldLabels,
    schema: { tags, params: idParamSchema, body: invitationResponseSchema },
    handler: async (request) => respondToInvitation(db, expertSheetInput(request)),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/expert/assignments/:id/sheet',
    access: expert,
    fieldLabels,
    schema: { tags, params: idParamSchema, body: scoreSheetDraftSchema },
    handler: async (request) => saveSheet(db, expertSheetInput(request)),
  });
  createRoute(app, db, {
    url: '/api/expert/assignments/:id/submit',
    status: 200,
    access: expert,
    fieldLabels,
    schema: { tags, params: idParamSchema, body: scoreSheetDraftSchema },
    create: (request) => submitSheet(db, expertSheetInput(request)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/expert/assignments/:id/files/:fileId',
    access: expert,
    schema: { tags, params: fileParamsSchema },
    handler: async (request, reply) =>
      downloadAssignmentFile(db, reply, {
        actor: requireActor(request),
        id: request.params.id,
        fileId: request.params.fileId,
        context: request.context,
      }),
  });
}

/** The expert's own assignment and what they typed: the shape every sheet call takes. */
function expertSheetInput<B>(request: RouteRequest<{ params: typeof idParamSchema; body: z.ZodType<B> }>) {
  return {
    actor: requireActor(request),
    id: request.params.id,
    input: request.body,
    context: request.context,
  };
}
