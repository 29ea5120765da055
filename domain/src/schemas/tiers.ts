import { z } from 'zod';
import type { FieldLabels } from '../i18n';
import { listQuerySchema, pageSchema, textSchema, versionSchema } from './common';

/** 地方梯次 (瞪羚, 专精特新, …): labels the bureau configures, then assigns to enterprises by year. */
export const TIER_FIELD_LABELS: FieldLabels = {
  code: { zh: '标识', en: 'Code' },
  name: { zh: '梯次名称', en: 'Tier name' },
  description: { zh: '说明', en: 'Description' },
  tierLabelId: { zh: '梯次', en: 'Tier' },
  year: { zh: '年度', en: 'Year' },
};

export const tierLabelInputSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,39}$/),
  name: textSchema(40),
  description: z.string().trim().max(500).nullable().optional(),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
  isActive: z.boolean().default(true),
});
export type TierLabelInput = z.infer<typeof tierLabelInputSchema>;

export const tierLabelUpdateSchema = tierLabelInputSchema
  .omit({ code: true })
  .extend({ version: versionSchema });
export type TierLabelUpdate = z.infer<typeof tierLabelUpdateSchema>;

export const tierLabelSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  sortOrder: z.number().int(),
  isActive: z.boolean(),
  version: z.number().int(),
});
export type TierLabel = z.infer<typeof tierLabelSchema>;

export const tierAssignmentInputSchema = z.strictObject({
  enterpriseId: z.number().int().positive().max(2_147_483_647),
  tierLabelId: z.number().int().positive().max(2_147_483_647),
  year: z.number().int().min(2000).max(2100),
});
export type TierAssignmentInput = z.infer<typeof tierAssignmentInputSchema>;

export const tierAssignmentSchema = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  tierLabelId: z.number().int(),
  tierName: z.string(),
  year: z.number().int(),
  createdAt: z.string(),
});
export type TierAssignment = z.infer<typeof tierAssignmentSchema>;

export const tierAssignmentListQuerySchema = listQuerySchema(['year', 'name'] as const).extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  tierLabelId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  keyword: z.string().trim().max(100).optional(),
});
export type TierAssignmentListQuery = z.infer<typeof tierAssignmentListQuerySchema>;

export const tierAssignmentPageSchema = pageSchema(tierAssignmentSchema);
