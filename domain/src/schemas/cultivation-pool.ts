import { z } from 'zod';
import type { FieldLabels } from '../i18n';
import { CULTIVATION_POOL_ACTIONS, CULTIVATION_POOL_STATUSES } from '../workflows/cultivation-pool';
import { listQuerySchema, pageSchema, textSchema } from './common';
import { historyEntrySchema } from './workflow';

export const CULTIVATION_POOL_FIELD_LABELS: FieldLabels = {
  reason: { zh: '推荐理由', en: 'Reason' },
  year: { zh: '培育年度', en: 'Year' },
};

export const cultivationPoolProposalSchema = z.strictObject({
  enterpriseId: z.number().int().positive().max(2_147_483_647),
  year: z.number().int().min(2017).max(2100),
  reason: textSchema(2000),
});
export type CultivationPoolProposal = z.infer<typeof cultivationPoolProposalSchema>;

export const cultivationPoolActionParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  action: z.enum(CULTIVATION_POOL_ACTIONS),
});

const textPairSchema = z.object({ zh: z.string(), en: z.string() });

/** The 高企 rule pre-check run on the enterprise's yearly figures: the evidence behind an admission decision. */
export const poolPrecheckSchema = z.object({
  asOf: z.string(),
  /** Years of figures the rules saw; none means the enterprise has not filed any. */
  figureYears: z.array(z.number().int()),
  level: z.enum(['qualified', 'close', 'far']).nullable(),
  missing: z.array(textPairSchema),
  toConfirm: z.array(textPairSchema),
  measures: z.array(textPairSchema),
});
export type PoolPrecheck = z.infer<typeof poolPrecheckSchema>;

export const cultivationPoolEntrySchema = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  year: z.number().int(),
  status: z.enum(CULTIVATION_POOL_STATUSES),
  reason: z.string(),
  decisionOpinion: z.string().nullable(),
  decidedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type CultivationPoolEntry = z.infer<typeof cultivationPoolEntrySchema>;

export const cultivationPoolDetailSchema = z.object({
  entry: cultivationPoolEntrySchema,
  /** Live for a proposal; the snapshot taken at the decision once admitted. */
  precheck: poolPrecheckSchema,
  allowedActions: z.array(z.string()),
  history: z.array(historyEntrySchema),
});
export type CultivationPoolDetail = z.infer<typeof cultivationPoolDetailSchema>;

export const cultivationPoolListQuerySchema = listQuerySchema(['year', 'updatedAt', 'name'] as const).extend({
  year: z.coerce.number().int().min(2017).max(2100).optional(),
  status: z.enum(CULTIVATION_POOL_STATUSES).optional(),
  keyword: z.string().trim().max(100).optional(),
});
export type CultivationPoolListQuery = z.infer<typeof cultivationPoolListQuerySchema>;

export const cultivationPoolPageSchema = pageSchema(cultivationPoolEntrySchema);
