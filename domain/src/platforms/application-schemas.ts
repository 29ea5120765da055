import { z } from 'zod';
import { listQuerySchema, pageSchema, phoneSchema, textSchema, versionSchema } from '../schemas/common';
import { historyEntrySchema } from '../schemas/workflow';
import {
  PLATFORM_APPLICATION_ACTIONS,
  PLATFORM_APPLICATION_STATUSES,
} from '../workflows/platform-application';
import { requirementItemSchema } from './requirement-schemas';
import { platformLevelSchema, recognitionDateSchema } from './schemas';

const idSchema = z.number().int().positive().max(2_147_483_647);

export const checklistValuesSchema = z
  .record(
    z
      .string()
      .trim()
      .regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/),
    z.union([z.number().min(0).max(1e9), z.boolean(), z.null()]),
  )
  .refine((values) => Object.keys(values).length <= 60, { params: { key: 'platforms.tooManyValues' } });

/**
 * An application: for a new platform the type, level and proposed name; for an upgrade the platform
 * it hosts and the level sought (the type is the platform's). The checklist values as filled in.
 */
export const platformApplicationInputSchema = z.strictObject({
  platformId: idSchema.nullable(),
  typeId: idSchema,
  level: platformLevelSchema,
  name: textSchema(100),
  summary: z.string().trim().max(4000),
  values: checklistValuesSchema,
  contactName: textSchema(50),
  contactPhone: phoneSchema,
});
export type PlatformApplicationInput = z.infer<typeof platformApplicationInputSchema>;

export const platformApplicationUpdateSchema = platformApplicationInputSchema.extend({
  version: versionSchema,
});
export type PlatformApplicationUpdate = z.infer<typeof platformApplicationUpdateSchema>;

/** The higher authority's approval: its body, 文号 and date become the platform's level line. */
export const platformApplicationApprovalSchema = z.strictObject({
  approvingBody: textSchema(100),
  documentNo: textSchema(100),
  recognizedOn: recognitionDateSchema,
  version: versionSchema,
});
export type PlatformApplicationApproval = z.infer<typeof platformApplicationApprovalSchema>;

export const PLATFORM_APPLICATION_PLAIN_ACTIONS = PLATFORM_APPLICATION_ACTIONS.filter(
  (action) => action !== 'approve',
) as Exclude<(typeof PLATFORM_APPLICATION_ACTIONS)[number], 'approve'>[];

export const platformApplicationActionParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  action: z.enum(['submit', 'return', 'recommend', 'decline', 'reject', 'withdraw']),
});

export const checklistLineSchema = requirementItemSchema.extend({
  value: z.union([z.number(), z.boolean(), z.null()]),
  orValue: z.union([z.number(), z.boolean(), z.null()]),
  met: z.boolean(),
});

export const platformApplicationSummarySchema = z.object({
  id: z.number().int(),
  kind: z.enum(['recognition', 'upgrade']),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  platformId: z.number().int().nullable(),
  typeId: z.number().int(),
  typeName: z.string(),
  level: platformLevelSchema,
  name: z.string(),
  status: z.enum(PLATFORM_APPLICATION_STATUSES),
  submittedOn: z.string().nullable(),
  metCount: z.number().int(),
  requirementCount: z.number().int(),
  resultPlatformId: z.number().int().nullable(),
  documentNo: z.string().nullable(),
  version: z.number().int(),
});
export type PlatformApplicationSummary = z.infer<typeof platformApplicationSummarySchema>;

export const platformApplicationSchema = platformApplicationSummarySchema.extend({
  summary: z.string(),
  values: z.record(z.string(), z.union([z.number(), z.boolean(), z.null()])),
  checklist: z.array(checklistLineSchema),
  contactName: z.string(),
  contactPhone: z.string(),
  approvingBody: z.string().nullable(),
  recognizedOn: z.string().nullable(),
  history: z.array(historyEntrySchema),
  allowedActions: z.array(z.string()),
  createdAt: z.string(),
});
export type PlatformApplication = z.infer<typeof platformApplicationSchema>;

export const platformApplicationListQuerySchema = listQuerySchema(['createdAt'] as const).extend({
  status: z.enum(PLATFORM_APPLICATION_STATUSES).optional(),
  typeId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  level: platformLevelSchema.optional(),
  keyword: z.string().trim().max(100).optional(),
});
export type PlatformApplicationListQuery = z.infer<typeof platformApplicationListQuerySchema>;

export const platformApplicationPageSchema = pageSchema(platformApplicationSummarySchema).extend({
  statusCounts: z.record(z.string(), z.number().int()),
});
export type PlatformApplicationPage = z.infer<typeof platformApplicationPageSchema>;
