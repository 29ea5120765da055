import {
  idParamSchema,
  publicFaqPageSchema,
  publicFaqQuerySchema,
  SERVICE_QUESTION_FIELD_LABELS,
  serviceBoardAnswerSchema,
  serviceBoardPublishSchema,
  serviceBoardQuestionInputSchema,
  serviceBoardQuestionListQuerySchema,
  serviceBoardQuestionPageSchema,
  serviceBoardQuestionSchema,
  serviceBoardRouteSchema,
} from '@kechuang/domain';
import { publicAccess, rolesAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { createRoute, defineRoute, listRoute, readRoute } from '../../core/routes';
import {
  answerBoardQuestion,
  askBoardQuestion,
  listBoardQuestions,
  listPublicFaq,
  publishBoardQuestion,
  readBoardQuestion,
  routeBoardQuestion,
} from './board-questions-service';

const tags = ['services'];
const fieldLabels = SERVICE_QUESTION_FIELD_LABELS;

/** The online 答疑 board, and its published FAQ on the portal. */
export function registerQuestionRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const readers = rolesAccess('staff', 'leader', 'enterprise', 'department');

  listRoute(app, {
    url: '/api/services/questions',
    tags,
    access: readers,
    fieldLabels,
    querystring: serviceBoardQuestionListQuerySchema,
    response: serviceBoardQuestionPageSchema,
    list: (input) => listBoardQuestions(db, input),
  });

  createRoute(app, db, {
    url: '/api/services/questions',
    access: rolesAccess('enterprise'),
    fieldLabels,
    schema: { tags, body: serviceBoardQuestionInputSchema, response: { 201: serviceBoardQuestionSchema } },
    create: (request) => askBoardQuestion(db, { input: request.body, context: request.context }),
  });

  readRoute(app, {
    url: '/api/services/questions/:id',
    tags,
    access: readers,
    fieldLabels,
    response: serviceBoardQuestionSchema,
    read: (input) => readBoardQuestion(db, input),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/services/questions/:id/answer',
    access: rolesAccess('staff', 'department'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: serviceBoardAnswerSchema,
      response: { 200: serviceBoardQuestionSchema },
    },
    handler: async (request) =>
      answerBoardQuestion(db, { id: request.params.id, ...request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/services/questions/:id/route',
    access: rolesAccess('staff'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: serviceBoardRouteSchema,
      response: { 200: serviceBoardQuestionSchema },
    },
    handler: async (request) =>
      routeBoardQuestion(db, { id: request.params.id, ...request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/services/questions/:id/publish',
    access: rolesAccess('staff'),
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: serviceBoardPublishSchema,
      response: { 200: serviceBoardQuestionSchema },
    },
    handler: async (request) =>
      publishBoardQuestion(db, { id: request.params.id, ...request.body, context: request.context }),
  });

  // The portal reads the published Q&As without signing in.
  defineRoute(app, {
    method: 'GET',
    url: '/api/public/faq',
    access: publicAccess,
    schema: { tags: ['public'], querystring: publicFaqQuerySchema, response: { 200: publicFaqPageSchema } },
    handler: async (request) => listPublicFaq(db, request.query),
  });
}
