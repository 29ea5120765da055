import { z } from 'zod';
import { dateSchema, listQuerySchema, pageSchema, phoneSchema, versionSchema } from '../schemas/common';
import { historyEntrySchema } from '../schemas/workflow';
import { TECH_MATCHING_STATUSES } from '../workflows/tech-matching';

const idSchema = z.number().int().positive().max(2_147_483_647);

/** 对接记录: a need introduced to a result or to an expert, by the bureau. */
export const techMatchingInputSchema = z
  .strictObject({
    needId: idSchema,
    resultId: idSchema.nullable(),
    expertId: idSchema.nullable(),
    /** The 对接活动 it came out of. */
    eventId: idSchema.nullable(),
    note: z.string().trim().max(2000).nullable(),
  })
  .superRefine((value, context) => {
    if ((value.resultId === null) === (value.expertId === null)) {
      context.addIssue({
        code: 'custom',
        path: ['resultId'],
        params: { key: 'techMatching.resultOrExpert' },
        input: value,
      });
    }
  });
export type TechMatchingInput = z.infer<typeof techMatchingInputSchema>;

export const techMatchingActionParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  action: z.enum(['meet', 'agree', 'sign', 'end']),
});

/** Links the registered 技术合同 the 对接 led to (by its id in the registry). */
export const techMatchingContractSchema = z.strictObject({ version: versionSchema, contractId: idSchema });

export const techMatchingSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  status: z.enum(TECH_MATCHING_STATUSES),
  needId: z.number().int(),
  needTitle: z.string(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  resultId: z.number().int().nullable(),
  resultTitle: z.string().nullable(),
  expertId: z.number().int().nullable(),
  /** The result's holder or the expert's name and organisation. */
  counterpartName: z.string(),
  eventId: z.number().int().nullable(),
  eventTitle: z.string().nullable(),
  source: z.enum(['suggested', 'manual', 'event']),
  score: z.number().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  contractId: z.number().int().nullable(),
  contractRegistrationNo: z.string().nullable(),
  createdAt: z.string(),
  allowedActions: z.array(z.string()),
  history: z.array(historyEntrySchema),
});
export type TechMatching = z.infer<typeof techMatchingSchema>;
export const techMatchingSummarySchema = techMatchingSchema.omit({ allowedActions: true, history: true });
export const techMatchingListQuerySchema = listQuerySchema(['id'])
  .extend({
    status: z.enum(TECH_MATCHING_STATUSES).optional(),
    needId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    resultId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    eventId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  })
  .strict();
export type TechMatchingListQuery = z.infer<typeof techMatchingListQuerySchema>;
export const techMatchingPageSchema = pageSchema(techMatchingSummarySchema);

export const TECH_EVENT_KINDS = ['session', 'online', 'roadshow'] as const;
export const TECH_EVENT_KIND_LABELS = {
  session: { zh: '专场对接会', en: 'Matching session' },
  online: { zh: '线上对接', en: 'Online' },
  roadshow: { zh: '成果路演', en: 'Roadshow' },
} as const;
export const TECH_EVENT_GUEST_KINDS = ['institution', 'foreign-expert', 'foreign-team', 'expert'] as const;
export const TECH_EVENT_GUEST_KIND_LABELS = {
  institution: { zh: '来访院所', en: 'Visiting institution' },
  'foreign-expert': { zh: '外国专家', en: 'Foreign expert' },
  'foreign-team': { zh: '外国团队', en: 'Foreign team' },
  expert: { zh: '专家', en: 'Expert' },
} as const;

export const techEventGuestSchema = z.strictObject({
  kind: z.enum(TECH_EVENT_GUEST_KINDS),
  name: z.string().trim().min(1).max(100),
  /** Institution from the registry, when the guest is one. */
  institutionId: idSchema.nullable(),
  /** For foreign guests: the country or region. */
  country: z.string().trim().max(50).nullable(),
});
export const techEventAgendaItemSchema = z.strictObject({
  time: z
    .string()
    .trim()
    .regex(/^\d{2}:\d{2}$/),
  title: z.string().trim().min(1).max(200),
  /** 集中会议 → 对接洽谈 → 走访考察. */
  stage: z.enum(['plenary', 'one-to-one', 'visit']),
});

const eventFields = {
  title: z.string().trim().min(4).max(100),
  kind: z.enum(TECH_EVENT_KINDS),
  heldOn: dateSchema,
  venue: z.string().trim().min(1).max(200),
  organiser: z.string().trim().min(1).max(100),
  capacity: z.number().int().min(1).max(10_000),
  signupDeadline: dateSchema,
  guests: z.array(techEventGuestSchema).max(50),
  agenda: z.array(techEventAgendaItemSchema).max(50),
  needIds: z.array(idSchema).max(200),
  resultIds: z.array(idSchema).max(200),
};
type EventFields = z.infer<z.ZodObject<typeof eventFields>>;
function checkEvent(value: EventFields, context: z.core.$RefinementCtx<EventFields>): void {
  if (value.signupDeadline > value.heldOn) {
    context.addIssue({
      code: 'custom',
      path: ['signupDeadline'],
      params: { key: 'techMatching.signupAfterEvent' },
      input: value,
    });
  }
}
export const techEventInputSchema = z.strictObject(eventFields).superRefine(checkEvent);
export type TechEventInput = z.infer<typeof techEventInputSchema>;
export const techEventSaveSchema = z
  .strictObject({ ...eventFields, version: versionSchema })
  .superRefine(checkEvent);

export const techEventSignupInputSchema = z.strictObject({
  contactName: z.string().trim().min(1).max(50),
  contactPhone: phoneSchema,
  attendees: z.number().int().min(1).max(10),
});
export const techEventAttendanceSchema = z.strictObject({
  enterpriseId: idSchema,
  attended: z.boolean(),
});

export const techEventSignupSchema = z.object({
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  attendees: z.number().int(),
  attended: z.boolean().nullable(),
  signedUpAt: z.string(),
});

export const techEventSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  title: z.string(),
  kind: z.enum(TECH_EVENT_KINDS),
  heldOn: z.string(),
  venue: z.string(),
  organiser: z.string(),
  capacity: z.number().int(),
  signupDeadline: z.string(),
  signupCount: z.number().int(),
  attendedCount: z.number().int(),
  isSignupOpen: z.boolean(),
  /** The calling enterprise's own sign-up. */
  isSignedUp: z.boolean(),
  guests: z.array(techEventGuestSchema),
  agenda: z.array(techEventAgendaItemSchema),
  needIds: z.array(z.number().int()),
  resultIds: z.array(z.number().int()),
  needs: z.array(z.object({ id: z.number().int(), title: z.string() })),
  results: z.array(z.object({ id: z.number().int(), title: z.string() })),
  /** The bureau's view only: who signed up and who came. */
  signups: z.array(techEventSignupSchema),
  matchings: z.array(techMatchingSummarySchema),
});
export type TechEvent = z.infer<typeof techEventSchema>;
export const techEventSummarySchema = techEventSchema.omit({
  guests: true,
  agenda: true,
  needs: true,
  results: true,
  signups: true,
  matchings: true,
});
export const techEventListQuerySchema = listQuerySchema(['heldOn', 'id'])
  .extend({ year: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();
export const techEventPageSchema = pageSchema(techEventSummarySchema);
