import { z } from 'zod';
import { HTE_APPLICATION_STATUSES } from '../workflows/hte-application';
import { dateSchema, textSchema, versionSchema } from './common';
import { historyEntrySchema } from './workflow';

/** A 高企 recognition batch of a year (the seed has two in 2020 and four in 2021). */
export const hteBatchCreateSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  name: textSchema(60),
  /** The day materials must be submitted by; stages before submission are overdue after it. */
  submissionDeadline: dateSchema,
});
export type HteBatchCreate = z.infer<typeof hteBatchCreateSchema>;

export const hteBatchSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  name: z.string(),
  submissionDeadline: z.string(),
  applicationCount: z.number().int(),
  version: z.number().int(),
});

export const hteApplicationCreateSchema = z.strictObject({
  /** Staff name the enterprise; an enterprise declares its own intent and leaves it out. */
  enterpriseId: z.number().int().positive().optional(),
  batchId: z.number().int().positive(),
});

export const SERVICE_RECORD_KINDS = ['visit', 'call', 'advice', 'document'] as const;
export const SERVICE_RECORD_KIND_LABELS: Record<
  (typeof SERVICE_RECORD_KINDS)[number],
  { zh: string; en: string }
> = {
  visit: { zh: '上门走访', en: 'Visit' },
  call: { zh: '电话沟通', en: 'Call' },
  advice: { zh: '政策辅导', en: 'Advice' },
  document: { zh: '材料指导', en: 'Documents' },
};

export const serviceRecordCreateSchema = z.strictObject({
  kind: z.enum(SERVICE_RECORD_KINDS),
  happenedOn: dateSchema.refine((value) => value <= new Date().toISOString().slice(0, 10), {
    params: { key: 'date.future' },
  }),
  summary: textSchema(1000),
});

export const helperTeamUpdateSchema = z.strictObject({
  version: versionSchema,
  leadUserId: z.number().int().positive(),
  memberUserIds: z.array(z.number().int().positive()).max(10),
});

export const hteApplicationSchema = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  year: z.number().int(),
  batchId: z.number().int(),
  batchName: z.string(),
  submissionDeadline: z.string(),
  status: z.enum(HTE_APPLICATION_STATUSES),
  isOverdue: z.boolean(),
  helpers: z.array(z.object({ userId: z.number().int(), displayName: z.string(), isLead: z.boolean() })),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type HteApplication = z.infer<typeof hteApplicationSchema>;

export const hteApplicationDetailSchema = z.object({
  application: hteApplicationSchema,
  allowedActions: z.array(z.string()),
  history: z.array(historyEntrySchema),
  serviceRecords: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum(SERVICE_RECORD_KINDS),
      happenedOn: z.string(),
      summary: z.string(),
      recordedBy: z.string(),
      createdAt: z.string(),
    }),
  ),
});

/** The batch board: every stage with the enterprises in it and what is overdue. */
export const hteBoardSchema = z.object({
  batch: hteBatchSchema,
  columns: z.array(
    z.object({ status: z.enum(HTE_APPLICATION_STATUSES), items: z.array(hteApplicationSchema) }),
  ),
  overdueCount: z.number().int(),
});
