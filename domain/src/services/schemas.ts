import { z } from 'zod';
import { chinaToday } from '../projects/working-days';
import {
  dateSchema,
  listQuerySchema,
  pageSchema,
  phoneSchema,
  textSchema,
  versionSchema,
} from '../schemas/common';
import { historyEntrySchema } from '../schemas/workflow';
import { SERVICE_PROBLEM_ACTIONS, SERVICE_PROBLEM_STATUSES } from '../workflows/service-problem';
import { PROBLEM_CATEGORY_CODES } from './rules';
import { EVENT_AUDIENCES, PROBLEM_SOURCES, VISIT_TARGET_KINDS } from './types';

const idSchema = z.number().int().positive().max(2_147_483_647);
const optionalText = (max: number) => z.string().trim().max(max).nullable();
export const servicePastDateSchema = dateSchema.refine((value) => value <= chinaToday(), {
  params: { key: 'services.dateInFuture' },
});

export const serviceEventTypeSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
});
export type ServiceEventType = z.infer<typeof serviceEventTypeSchema>;

const eventFields = {
  typeId: idSchema,
  title: textSchema(100),
  topic: textSchema(500),
  speakers: z.array(textSchema(50)).max(20),
  place: optionalText(200),
  onlineLink: z.string().trim().url().max(500).nullable(),
  heldOn: dateSchema,
  startTime: z
    .string()
    .refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), { params: { key: 'services.timeFormat' } }),
  capacity: z.number().int().min(1).max(10_000),
  signupDeadline: dateSchema,
  audience: z.enum(EVENT_AUDIENCES),
  audienceNote: optionalText(200),
  /** For a `tier`, `field` or `street` audience: the tier label codes, industries or streets admitted. */
  audienceTargets: z.array(textSchema(50)).max(50).default([]),
  /** For an `invited` audience: the enterprises invited. */
  invitedEnterpriseIds: z.array(idSchema).max(500).default([]),
  materials: z.array(textSchema(100)).max(20),
};

function checkEvent(
  input: {
    place: string | null;
    onlineLink: string | null;
    signupDeadline: string;
    heldOn: string;
    audience: (typeof EVENT_AUDIENCES)[number];
    audienceTargets: string[];
    invitedEnterpriseIds: number[];
  },
  context: z.RefinementCtx,
) {
  if (['tier', 'field', 'street'].includes(input.audience) && input.audienceTargets.length === 0)
    context.addIssue({
      code: 'custom',
      path: ['audienceTargets'],
      params: { key: 'services.audienceTargetsRequired' },
      input,
    });
  if (input.audience === 'invited' && input.invitedEnterpriseIds.length === 0)
    context.addIssue({
      code: 'custom',
      path: ['invitedEnterpriseIds'],
      params: { key: 'services.invitedRequired' },
      input,
    });
  if (input.place === null && input.onlineLink === null)
    context.addIssue({ code: 'custom', path: ['place'], params: { key: 'services.placeOrLink' }, input });
  if (input.signupDeadline > input.heldOn)
    context.addIssue({
      code: 'custom',
      path: ['signupDeadline'],
      params: { key: 'services.deadlineAfterEvent' },
      input,
    });
}

export const serviceEventInputSchema = z.strictObject(eventFields).superRefine(checkEvent);
export const serviceEventUpdateSchema = z
  .strictObject({ ...eventFields, version: versionSchema })
  .superRefine(checkEvent);
export type ServiceEventUpdate = z.infer<typeof serviceEventUpdateSchema>;
export type ServiceEventInput = z.infer<typeof serviceEventInputSchema>;

export const serviceEventListQuerySchema = listQuerySchema(['heldOn', 'id'] as const).extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  typeId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  keyword: z.string().trim().max(50).optional(),
});
export type ServiceEventListQuery = z.infer<typeof serviceEventListQuerySchema>;

export const serviceEventSummarySchema = z.object({
  id: z.number().int(),
  typeId: z.number().int(),
  typeName: z.string(),
  title: z.string(),
  topic: z.string(),
  speakers: z.array(z.string()),
  place: z.string().nullable(),
  onlineLink: z.string().nullable(),
  heldOn: z.string(),
  startTime: z.string(),
  capacity: z.number().int(),
  signupDeadline: z.string(),
  audience: z.enum(EVENT_AUDIENCES),
  audienceNote: z.string().nullable(),
  audienceTargets: z.array(z.string()),
  invitedEnterpriseIds: z.array(z.number().int()),
  materials: z.array(z.string()),
  /** People signed up (walk-ins not included) and people checked in (walk-ins included). */
  signedUp: z.number().int(),
  attended: z.number().int(),
  placesLeft: z.number().int(),
  /** The caller's own sign-up, for an enterprise. */
  mySignupId: z.number().int().nullable(),
  version: z.number().int(),
});
export type ServiceEventSummary = z.infer<typeof serviceEventSummarySchema>;
export const serviceEventPageSchema = pageSchema(serviceEventSummarySchema);

export const attendeeSchema = z.strictObject({ name: textSchema(50), phone: phoneSchema });

export const serviceSignupSchema = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  eventTitle: z.string(),
  heldOn: z.string(),
  enterpriseId: z.number().int().nullable(),
  organisation: z.string(),
  attendees: z.array(z.object({ name: z.string(), phone: z.string() })),
  /** The check-in code shown to the enterprise (and as a QR code); staff see it too. */
  code: z.string(),
  walkIn: z.boolean(),
  checkedInAt: z.string().nullable(),
  satisfaction: z.number().int().nullable(),
  feedback: z.string().nullable(),
  createdAt: z.string(),
});
export type ServiceSignup = z.infer<typeof serviceSignupSchema>;

export const serviceQuestionSchema = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  enterpriseName: z.string().nullable(),
  question: z.string(),
  answer: z.string().nullable(),
  isFaq: z.boolean(),
  createdAt: z.string(),
});
export type ServiceQuestion = z.infer<typeof serviceQuestionSchema>;

export const serviceEventSchema = serviceEventSummarySchema.extend({
  signups: z.array(serviceSignupSchema),
  questions: z.array(serviceQuestionSchema),
  satisfactionAverage: z.number().nullable(),
  feedbackCount: z.number().int(),
});
export type ServiceEvent = z.infer<typeof serviceEventSchema>;

export const serviceSignupInputSchema = z.strictObject({
  attendees: z
    .array(attendeeSchema)
    .min(1)
    .max(20)
    .refine((list) => new Set(list.map((person) => person.name)).size === list.length, {
      params: { key: 'services.attendeeRepeated' },
    }),
});
export type ServiceSignupInput = z.infer<typeof serviceSignupInputSchema>;

export const serviceCheckInSchema = z.strictObject({ code: z.string().trim().min(4).max(32) });
export const serviceWalkInSchema = z.strictObject({
  organisation: textSchema(100),
  attendees: serviceSignupInputSchema.shape.attendees,
});
export type ServiceWalkIn = z.infer<typeof serviceWalkInSchema>;

export const serviceFeedbackSchema = z.strictObject({
  satisfaction: z.number().int().min(1).max(5),
  comment: optionalText(1000),
});
export const serviceQuestionInputSchema = z.strictObject({ question: textSchema(1000) });
export const serviceAnswerInputSchema = z.strictObject({ answer: textSchema(2000), isFaq: z.boolean() });
export const signupIdParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  signupId: z.coerce.number().int().positive().max(2_147_483_647),
});
export const questionIdParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  questionId: z.coerce.number().int().positive().max(2_147_483_647),
});
export const mySignupsQuerySchema = listQuerySchema(['id'] as const);
export const serviceSignupPageSchema = pageSchema(serviceSignupSchema);

/* ——— 大调研: campaigns, targets, visits ——— */

export const serviceCampaignInputSchema = z
  .strictObject({
    name: textSchema(100),
    slogan: optionalText(100),
    startsOn: dateSchema,
    endsOn: dateSchema,
    targets: z
      .array(
        z.strictObject({ enterpriseId: idSchema, kind: z.enum(VISIT_TARGET_KINDS), team: textSchema(50) }),
      )
      .max(2000)
      .refine((list) => new Set(list.map((target) => target.enterpriseId)).size === list.length, {
        params: { key: 'services.targetRepeated' },
      }),
  })
  .refine((input) => input.startsOn <= input.endsOn, {
    path: ['endsOn'],
    params: { key: 'services.endsBeforeStart' },
  });
export type ServiceCampaignInput = z.infer<typeof serviceCampaignInputSchema>;

export const serviceCampaignSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  slogan: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  planned: z.number().int(),
  visited: z.number().int(),
  problems: z.number().int(),
  progress: z.array(
    z.object({
      team: z.string(),
      street: z.string().nullable(),
      planned: z.number().int(),
      visited: z.number().int(),
    }),
  ),
  version: z.number().int(),
});
export type ServiceCampaign = z.infer<typeof serviceCampaignSchema>;

export const serviceVisitProblemInputSchema = z.strictObject({
  category: z.enum(PROBLEM_CATEGORY_CODES),
  description: textSchema(1000),
  departmentId: idSchema,
  assignee: optionalText(50),
});
export type ServiceVisitProblemInput = z.infer<typeof serviceVisitProblemInputSchema>;

export const serviceVisitInputSchema = z.strictObject({
  campaignId: idSchema,
  enterpriseId: idSchema,
  visitedOn: servicePastDateSchema,
  team: textSchema(50),
  visitors: textSchema(200),
  met: textSchema(200),
  findings: textSchema(2000),
  suggestions: optionalText(2000),
  problems: z.array(serviceVisitProblemInputSchema).max(20),
});
export type ServiceVisitInput = z.infer<typeof serviceVisitInputSchema>;

export const serviceVisitSchema = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  kind: z.enum(VISIT_TARGET_KINDS).nullable(),
  street: z.string().nullable(),
  visitedOn: z.string(),
  team: z.string(),
  visitors: z.string(),
  met: z.string(),
  findings: z.string(),
  suggestions: z.string().nullable(),
  problemCount: z.number().int(),
});
export type ServiceVisit = z.infer<typeof serviceVisitSchema>;
export const serviceVisitPageSchema = pageSchema(serviceVisitSchema);
export const serviceVisitListQuerySchema = listQuerySchema(['visitedOn', 'id'] as const).extend({
  campaignId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

/* ——— 问题台账 ——— */

export const serviceDepartmentSchema = z.object({ id: z.number().int(), name: z.string(), kind: z.string() });
export type ServiceDepartment = z.infer<typeof serviceDepartmentSchema>;

export const PROBLEM_TIMINGS = ['overdue', 'due-soon', 'on-track', 'closed-on-time', 'closed-late'] as const;

export const serviceProblemSchema = z.object({
  id: z.number().int(),
  serial: z.number().int(),
  source: z.enum(PROBLEM_SOURCES),
  visitId: z.number().int().nullable(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  category: z.enum(PROBLEM_CATEGORY_CODES),
  description: z.string(),
  departmentId: z.number().int(),
  departmentName: z.string(),
  assignee: z.string().nullable(),
  assignedOn: z.string(),
  limitDays: z.number().int(),
  dueOn: z.string(),
  extensionDays: z.number().int(),
  extensionReason: z.string().nullable(),
  /** An extension asked for by the department (or staff), waiting for the leader's grant. */
  extensionRequest: z
    .object({ days: z.number().int(), reason: z.string(), requestedOn: z.string() })
    .nullable(),
  measure: z.string().nullable(),
  repliedOn: z.string().nullable(),
  rating: z.enum(['satisfied', 'unsatisfied']).nullable(),
  reopenCount: z.number().int(),
  closedOn: z.string().nullable(),
  status: z.enum(SERVICE_PROBLEM_STATUSES),
  timing: z.enum(PROBLEM_TIMINGS),
  allowedActions: z.array(z.enum(SERVICE_PROBLEM_ACTIONS)),
  version: z.number().int(),
});
export type ServiceProblem = z.infer<typeof serviceProblemSchema>;
export const serviceProblemDetailSchema = serviceProblemSchema.extend({
  history: z.array(historyEntrySchema),
});
export type ServiceProblemDetail = z.infer<typeof serviceProblemDetailSchema>;
export const serviceProblemPageSchema = pageSchema(serviceProblemSchema);

export const serviceProblemListQuerySchema = listQuerySchema(['dueOn', 'id'] as const).extend({
  status: z.enum(SERVICE_PROBLEM_STATUSES).optional(),
  timing: z.enum(PROBLEM_TIMINGS).optional(),
  departmentId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  campaignId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  keyword: z.string().trim().max(50).optional(),
});
export type ServiceProblemListQuery = z.infer<typeof serviceProblemListQuerySchema>;

export const serviceProblemActionParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  action: z.enum(SERVICE_PROBLEM_ACTIONS),
});
export const serviceExtensionInputSchema = z.strictObject({
  version: versionSchema,
  days: z.number().int().min(1).max(30),
  reason: textSchema(500),
});
export type ServiceExtensionInput = z.infer<typeof serviceExtensionInputSchema>;

/** 科技服务 statistics, for one year (by the event's day, the visit's day, the ticket's 交办 day) or all. */
export const serviceStatisticsQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ServiceStatisticsQuery = z.infer<typeof serviceStatisticsQuerySchema>;

const eventFiguresSchema = z.object({
  events: z.number().int(),
  /** People signed up (walk-ins not counted) and how many of them checked in. */
  signedUp: z.number().int(),
  attended: z.number().int(),
  walkIns: z.number().int(),
  /** attended / signedUp; null without sign-ups. */
  attendanceRate: z.number().nullable(),
  /** Mean 满意度 (1–5) of the feedback given; null without feedback. */
  satisfaction: z.number().nullable(),
  feedbacks: z.number().int(),
});
export type ServiceEventFigures = z.infer<typeof eventFiguresSchema>;

const problemFiguresSchema = z.object({
  total: z.number().int(),
  closed: z.number().int(),
  closedOnTime: z.number().int(),
  /** closedOnTime / closed; null while none is closed. */
  onTimeRate: z.number().nullable(),
  /** Mean calendar days from 交办 to 销号 of the closed ones. */
  averageDaysToClose: z.number().nullable(),
  reopened: z.number().int(),
  /** reopened / total. */
  reopenRate: z.number().nullable(),
});
export type ServiceProblemFigures = z.infer<typeof problemFiguresSchema>;

export const serviceStatisticsSchema = z.object({
  year: z.number().int().nullable(),
  events: z.object({
    totals: eventFiguresSchema,
    byTypeAndYear: z.array(
      eventFiguresSchema.extend({ year: z.number().int(), typeId: z.number().int(), typeName: z.string() }),
    ),
  }),
  visits: z.object({
    byCampaignAndKind: z.array(
      z.object({
        campaignId: z.number().int(),
        campaignName: z.string(),
        kind: z.enum(VISIT_TARGET_KINDS),
        planned: z.number().int(),
        visited: z.number().int(),
        visits: z.number().int(),
        problems: z.number().int(),
      }),
    ),
  }),
  problems: z.object({
    totals: problemFiguresSchema,
    byCategory: z.array(problemFiguresSchema.extend({ category: z.enum(PROBLEM_CATEGORY_CODES) })),
    byDepartment: z.array(
      problemFiguresSchema.extend({ departmentId: z.number().int(), departmentName: z.string() }),
    ),
    byStatus: z.array(problemFiguresSchema.extend({ status: z.enum(SERVICE_PROBLEM_STATUSES) })),
  }),
  /** The online 答疑 board, by the year asked: each answered question counts as one 答疑 activity. */
  questions: z.object({
    asked: z.number().int(),
    answered: z.number().int(),
    published: z.number().int(),
    byYear: z.array(
      z.object({
        year: z.number().int(),
        asked: z.number().int(),
        answered: z.number().int(),
        published: z.number().int(),
      }),
    ),
  }),
});
export type ServiceStatistics = z.infer<typeof serviceStatisticsSchema>;
