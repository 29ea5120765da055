import { z } from 'zod';
import { dateSchema, listQuerySchema, pageSchema, textSchema } from '../schemas/common';
import { POLICY_PAYOUT_STATUSES } from '../workflows/policy-payout';
import { FULFIL_MODES, POLICY_ITEM_TYPES, POLICY_LEVELS } from './types';

const idSchema = z.number().int().positive().max(2_147_483_647);

export const ITEM_OUTCOMES = ['eligible', 'unknown', 'ineligible'] as const;

export const ITEM_OUTCOME_LABELS = {
  eligible: { zh: '符合', en: 'Qualifies' },
  unknown: { zh: '待补充材料/数据', en: 'Data or documents missing' },
  ineligible: { zh: '暂不符合', en: 'Does not qualify' },
} as const;

export const conditionResultSchema = z.object({
  field: z.string(),
  required: z.boolean(),
  status: z.enum(['met', 'unmet', 'unknown', 'document']),
  actual: z.union([z.number(), z.boolean(), z.string(), z.null()]),
  shortfall: z.number().nullable(),
  text: z.string(),
});

export const itemMatchSchema = z.object({
  itemId: z.number().int(),
  itemTitle: z.string(),
  itemType: z.enum(POLICY_ITEM_TYPES),
  policyId: z.number().int(),
  policyTitle: z.string(),
  documentNo: z.string(),
  level: z.enum(POLICY_LEVELS),
  fulfilMode: z.enum(FULFIL_MODES),
  department: z.string(),
  contact: z.string(),
  outcome: z.enum(ITEM_OUTCOMES),
  amountFen: z.number().int().nullable(),
  conditions: z.array(conditionResultSchema),
});
export type ItemMatch = z.infer<typeof itemMatchSchema>;

export const matchQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const enterpriseMatchesSchema = z.object({
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  year: z.number().int(),
  items: z.array(itemMatchSchema),
});
export type EnterpriseMatches = z.infer<typeof enterpriseMatchesSchema>;

export const candidateQuerySchema = listQuerySchema(['amountFen']).extend({
  year: z.coerce.number().int().min(2000).max(2100),
  outcome: z.enum(ITEM_OUTCOMES).optional(),
});
export type CandidateQuery = z.infer<typeof candidateQuerySchema>;

export const candidateSchema = z.object({
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  street: z.string().nullable(),
  outcome: z.enum(ITEM_OUTCOMES),
  amountFen: z.number().int().nullable(),
  reasons: z.array(z.string()),
  payout: z.object({ id: z.number().int(), amountFen: z.number().int(), confirmedOn: z.string() }).nullable(),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const candidatePageSchema = pageSchema(candidateSchema).extend({
  outcomeCounts: z.record(z.string(), z.number().int()),
});
/** Staff push every listed payout of an item and year to the enterprises. */
export const payoutPushSchema = z.strictObject({ year: z.number().int().min(2000).max(2100) });

export type CandidatePage = z.infer<typeof candidatePageSchema>;

export const itemParamsSchema = z.strictObject({
  itemId: z.coerce.number().int().positive().max(2_147_483_647),
});

/** Staff confirm qualifying enterprises of a 免申即享 item into the year's payout list. */
export const payoutConfirmSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  enterpriseIds: z.array(idSchema).min(1).max(5000),
  confirmedOn: dateSchema,
});
export type PayoutConfirm = z.infer<typeof payoutConfirmSchema>;

export const payoutQuerySchema = listQuerySchema(['confirmedOn']).extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  itemId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  status: z.enum(POLICY_PAYOUT_STATUSES).optional(),
});
export type PayoutQuery = z.infer<typeof payoutQuerySchema>;

export const payoutSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  itemId: z.number().int(),
  itemTitle: z.string(),
  policyTitle: z.string(),
  documentNo: z.string(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  amountFen: z.number().int(),
  confirmedOn: z.string(),
  reasons: z.array(z.string()),
  version: z.number().int(),
  status: z.enum(POLICY_PAYOUT_STATUSES),
  statusLabel: z.string(),
  dueOn: z.string().nullable(),
  /** Working days left to the 兑现时限 (negative: overdue); null when the clock is not running. */
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  paidFen: z.number().int().nullable(),
  paidOn: z.string().nullable(),
});
export type Payout = z.infer<typeof payoutSchema>;
export const payoutPageSchema = pageSchema(payoutSchema).extend({ totalFen: z.number().int() });
export type PayoutPage = z.infer<typeof payoutPageSchema>;

/** Printed copies of the 《科技创新政策指引》 handed out: to an event or enterprises, how many, when. */
export const guideDistributionInputSchema = z.strictObject({
  edition: z.number().int().min(2000).max(2100),
  recipient: textSchema(200),
  copies: z.number().int().min(1).max(100_000),
  distributedOn: dateSchema,
});
export type GuideDistributionInput = z.infer<typeof guideDistributionInputSchema>;

export const guideDistributionSchema = guideDistributionInputSchema.extend({ id: z.number().int() });
export type GuideDistribution = z.infer<typeof guideDistributionSchema>;
export const guideDistributionListSchema = z.object({
  items: z.array(guideDistributionSchema),
  totalCopies: z.number().int(),
});
export const guideQuerySchema = z.strictObject({
  edition: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const guideDownloadQuerySchema = z.strictObject({
  edition: z.coerce.number().int().min(2000).max(2100),
});

export const itemOptionQuerySchema = z.strictObject({ fulfilMode: z.enum(FULFIL_MODES).optional() });
export const itemOptionListSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      policyTitle: z.string(),
      documentNo: z.string(),
      fulfilMode: z.enum(FULFIL_MODES),
    }),
  ),
});
export type ItemOption = z.infer<typeof itemOptionListSchema>['items'][number];
