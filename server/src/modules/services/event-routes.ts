import {
  idParamSchema,
  mySignupsQuerySchema,
  questionIdParamsSchema,
  serviceAnswerInputSchema,
  serviceCheckInSchema,
  serviceEventInputSchema,
  serviceEventListQuerySchema,
  serviceEventPageSchema,
  serviceEventSchema,
  serviceEventTypeSchema,
  serviceEventUpdateSchema,
  serviceFeedbackSchema,
  serviceQuestionInputSchema,
  serviceSignupInputSchema,
  serviceSignupPageSchema,
  serviceSignupSchema,
  serviceWalkInSchema,
} from '@kechuang/domain';
import { z } from 'zod';
import { requireActor, rolesAccess } from '../../core/access';
import type { ModuleDeps, TypedApp } from '../../core/module';
import { createRoute, defineRoute, exportRoute, listRoute, readAllPages, readRoute } from '../../core/routes';
import { createEvent, listEvents, listEventTypes, readEvent, updateEvent } from './events-service';
import { answerQuestion, askQuestion, listFaq } from './questions-service';
import { fieldLabels } from './shared';
import { checkIn, giveFeedback, listMySignups, recordWalkIn, signUp } from './signups-service';

const tags = ['services'];
const faqPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      eventId: z.number(),
      eventTitle: z.string(),
      question: z.string(),
      answer: z.string(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** 科技服务 events: types, the list and its export, sign-up, check-in, walk-ins, feedback, 答疑. */
export function registerEventRoutes(app: TypedApp, deps: ModuleDeps): void {
  const { db } = deps;
  const staffOnly = rolesAccess('staff');
  const readers = rolesAccess('staff', 'leader', 'enterprise');
  const enterpriseOnly = rolesAccess('enterprise');

  defineRoute(app, {
    method: 'GET',
    url: '/api/services/event-types',
    access: readers,
    schema: { tags, response: { 200: z.object({ items: z.array(serviceEventTypeSchema) }) } },
    handler: async () => ({ items: await listEventTypes(db) }),
  });

  listRoute(app, {
    url: '/api/services/events',
    tags,
    access: readers,
    fieldLabels,
    querystring: serviceEventListQuerySchema,
    response: serviceEventPageSchema,
    list: (input) => listEvents(db, input),
  });

  exportRoute(app, db, {
    url: '/api/services/events/export',
    access: rolesAccess('staff', 'leader'),
    fieldLabels,
    schema: { tags, querystring: serviceEventListQuerySchema.omit({ page: true, pageSize: true }) },
    audit: (request) => ({
      event: 'service-event.export',
      objectType: 'service_events',
      after: { query: request.query },
    }),
    fileName: () => '科技服务活动台账',
    sheetName: '科技服务活动',
    rows: (request) =>
      readAllPages(
        (page, pageSize) =>
          listEvents(db, { actor: requireActor(request), query: { ...request.query, page, pageSize } }),
        200,
      ),
    columns: [
      { header: '活动类型', width: 14, value: (row) => row.typeName },
      { header: '活动名称', width: 36, value: (row) => row.title },
      { header: '活动日期', width: 12, value: (row) => row.heldOn },
      { header: '主讲人', width: 24, value: (row) => row.speakers.join('、') },
      { header: '地点/链接', width: 30, value: (row) => row.place ?? row.onlineLink ?? '' },
      { header: '名额（人）', width: 10, value: (row) => row.capacity },
      { header: '报名人数', width: 10, value: (row) => row.signedUp },
      { header: '签到人数', width: 10, value: (row) => row.attended },
      { header: '发放资料', width: 30, value: (row) => row.materials.join('、') },
    ],
  });

  listRoute(app, {
    url: '/api/services/my-signups',
    tags,
    access: enterpriseOnly,
    fieldLabels,
    querystring: mySignupsQuerySchema,
    response: serviceSignupPageSchema,
    list: (input) => listMySignups(db, input),
  });

  listRoute(app, {
    url: '/api/services/faq',
    tags,
    access: readers,
    fieldLabels,
    querystring: mySignupsQuerySchema,
    response: faqPageSchema,
    list: (input) => listFaq(db, input),
  });

  createRoute(app, db, {
    url: '/api/services/events',
    access: staffOnly,
    fieldLabels,
    schema: { tags, body: serviceEventInputSchema, response: { 201: serviceEventSchema } },
    create: (request) => createEvent(db, { input: request.body, context: request.context }),
  });

  readRoute(app, {
    url: '/api/services/events/:id',
    tags,
    access: readers,
    response: serviceEventSchema,
    read: (input) => readEvent(db, input),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/services/events/:id',
    access: staffOnly,
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: serviceEventUpdateSchema,
      response: { 200: serviceEventSchema },
    },
    handler: async (request) =>
      updateEvent(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  createRoute(app, db, {
    url: '/api/services/events/:id/signups',
    access: enterpriseOnly,
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: serviceSignupInputSchema,
      response: { 201: serviceSignupSchema },
    },
    create: (request) => signUp(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/services/events/:id/check-in',
    access: staffOnly,
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: serviceCheckInSchema,
      response: { 200: serviceEventSchema },
    },
    handler: async (request) =>
      checkIn(db, { id: request.params.id, code: request.body.code, context: request.context }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/services/events/:id/walk-ins',
    access: staffOnly,
    fieldLabels,
    schema: { tags, params: idParamSchema, body: serviceWalkInSchema, response: { 200: serviceEventSchema } },
    handler: async (request) =>
      recordWalkIn(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/services/events/:id/feedback',
    access: enterpriseOnly,
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: serviceFeedbackSchema,
      response: { 200: serviceSignupSchema },
    },
    handler: async (request) =>
      giveFeedback(db, { id: request.params.id, input: request.body, context: request.context }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/services/events/:id/questions',
    access: enterpriseOnly,
    fieldLabels,
    schema: {
      tags,
      params: idParamSchema,
      body: serviceQuestionInputSchema,
      response: { 200: serviceEventSchema },
    },
    handler: async (request) =>
      askQuestion(db, { id: request.params.id, question: request.body.question, context: request.context }),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/services/events/:id/questions/:questionId',
    access: staffOnly,
    fieldLabels,
    schema: {
      tags,
      params: questionIdParamsSchema,
      body: serviceAnswerInputSchema,
      response: { 200: serviceEventSchema },
    },
    handler: async (request) =>
      answerQuestion(db, {
        id: request.params.id,
        questionId: request.params.questionId,
        answer: request.body.answer,
        isFaq: request.body.isFaq,
        context: request.context,
      }),
  });
}
