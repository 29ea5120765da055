import { z } from 'zod';
import {
  creditCodeSchema,
  dateSchema,
  listQuerySchema,
  pageSchema,
  phoneSchema,
  versionSchema,
} from '../schemas/common';
import { historyEntrySchema } from '../schemas/workflow';
import { TECH_LISTING_STATUSES } from '../workflows/tech-matching';
import {
  INSTITUTION_KINDS,
  IP_KINDS,
  TECH_FIELD_CODES,
  TECH_INDUSTRY_CODES,
  TECH_NEED_VISIBILITIES,
  TRANSACTION_MODES,
} from './matching-dictionaries';

const MAX_FEN = 1_000_000_000_000; // 100亿元
const fenSchema = z.number().int().min(0).max(MAX_FEN);
const idSchema = z.number().int().positive().max(2_147_483_647);
const regionCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/);
const keywordsSchema = z.array(z.string().trim().min(1).max(20)).min(1).max(10);
const keywordQuerySchema = z.string().trim().max(100).optional();

/** 高校、科研院所: the bureau keeps the list; they own the results it posts for them. */
export const institutionInputSchema = z.strictObject({
  name: z.string().trim().min(2).max(100),
  kind: z.enum(INSTITUTION_KINDS),
  /** 事业单位 and foreign institutions may have none. */
  creditCode: creditCodeSchema.nullable(),
  regionCode: regionCodeSchema,
  contactName: z.string().trim().max(50).nullable(),
  contactPhone: phoneSchema.nullable(),
});
export type InstitutionInput = z.infer<typeof institutionInputSchema>;
export const institutionSaveSchema = institutionInputSchema.extend({ version: versionSchema });
export const institutionSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  name: z.string(),
  kind: z.enum(INSTITUTION_KINDS),
  creditCode: z.string().nullable(),
  regionCode: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  resultCount: z.number().int(),
});
export type Institution = z.infer<typeof institutionSchema>;
export const institutionListQuerySchema = listQuerySchema(['name', 'id'])
  .extend({ kind: z.enum(INSTITUTION_KINDS).optional(), keyword: keywordQuerySchema })
  .strict();
export const institutionPageSchema = pageSchema(institutionSchema);

const needFields = {
  title: z.string().trim().min(4).max(100),
  field: z.enum(TECH_FIELD_CODES),
  industry: z.enum(TECH_INDUSTRY_CODES).nullable(),
  /** The problem to solve, with the quantified targets (绵阳: 表述语言精确、量化指标完整). */
  problem: z.string().trim().min(10).max(4000),
  budgetFen: fenSchema.nullable(),
  deadline: dateSchema,
  contactName: z.string().trim().min(1).max(50),
  contactPhone: phoneSchema,
  keywords: keywordsSchema,
  visibility: z.enum(TECH_NEED_VISIBILITIES),
};
export const techNeedInputSchema = z.strictObject(needFields);
export type TechNeedInput = z.infer<typeof techNeedInputSchema>;
export const techNeedSaveSchema = z.strictObject({ ...needFields, version: versionSchema });

export const techNeedSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  status: z.enum(TECH_LISTING_STATUSES),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  title: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  industry: z.string().nullable(),
  problem: z.string(),
  budgetFen: z.number().int().nullable(),
  deadline: z.string(),
  /** Hidden (null) for callers who are not the owner, the bureau or a matched party. */
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  keywords: z.array(z.string()),
  visibility: z.enum(TECH_NEED_VISIBILITIES),
  rejectReason: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  allowedActions: z.array(z.string()),
  history: z.array(historyEntrySchema),
});
export type TechNeed = z.infer<typeof techNeedSchema>;
export const techNeedSummarySchema = techNeedSchema.omit({ allowedActions: true, history: true });
export const techNeedListQuerySchema = listQuerySchema(['deadline', 'publishedAt', 'id'])
  .extend({
    status: z.enum(TECH_LISTING_STATUSES).optional(),
    field: z.enum(TECH_FIELD_CODES).optional(),
    /** `mine`: an enterprise's own needs only. */
    scope: z.enum(['mine', 'all']).default('all'),
    keyword: keywordQuerySchema,
  })
  .strict();
export type TechNeedListQuery = z.infer<typeof techNeedListQuerySchema>;
export const techNeedPageSchema = pageSchema(techNeedSummarySchema);

const resultFields = {
  title: z.string().trim().min(4).max(100),
  /** Staff post for an institution; an expert's own result leaves it null. */
  institutionId: idSchema.nullable(),
  field: z.enum(TECH_FIELD_CODES),
  industry: z.enum(TECH_INDUSTRY_CODES).nullable(),
  description: z.string().trim().min(10).max(4000),
  trl: z.number().int().min(1).max(9),
  ipKind: z.enum(IP_KINDS),
  /** 专利号 / 登记号, when there is one. */
  ipNumber: z.string().trim().max(50).nullable(),
  modes: z.array(z.enum(TRANSACTION_MODES)).min(1).max(4),
  priceMinFen: fenSchema.nullable(),
  priceMaxFen: fenSchema.nullable(),
  keywords: keywordsSchema,
  contactName: z.string().trim().min(1).max(50),
  contactPhone: phoneSchema,
};
type ResultFields = z.infer<z.ZodObject<typeof resultFields>>;
function checkResult(value: ResultFields, context: z.core.$RefinementCtx<ResultFields>): void {
  if (value.priceMinFen !== null && value.priceMaxFen !== null && value.priceMaxFen < value.priceMinFen) {
    context.addIssue({
      code: 'custom',
      path: ['priceMaxFen'],
      params: { key: 'techMatching.priceRange' },
      input: value,
    });
  }
}
export const techResultInputSchema = z.strictObject(resultFields).superRefine(checkResult);
export type TechResultInput = z.infer<typeof techResultInputSchema>;
export const techResultSaveSchema = z
  .strictObject({ ...resultFields, version: versionSchema })
  .superRefine(checkResult);

export const techResultSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  status: z.enum(TECH_LISTING_STATUSES),
  holderType: z.enum(['institution', 'expert']),
  holderName: z.string(),
  institutionId: z.number().int().nullable(),
  expertId: z.number().int().nullable(),
  title: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  industry: z.string().nullable(),
  description: z.string(),
  trl: z.number().int(),
  ipKind: z.enum(IP_KINDS),
  ipNumber: z.string().nullable(),
  modes: z.array(z.enum(TRANSACTION_MODES)),
  priceMinFen: z.number().int().nullable(),
  priceMaxFen: z.number().int().nullable(),
  keywords: z.array(z.string()),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  rejectReason: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  allowedActions: z.array(z.string()),
  history: z.array(historyEntrySchema),
});
export type TechResult = z.infer<typeof techResultSchema>;
export const techResultSummarySchema = techResultSchema.omit({ allowedActions: true, history: true });
export const techResultListQuerySchema = listQuerySchema(['publishedAt', 'trl', 'id'])
  .extend({
    status: z.enum(TECH_LISTING_STATUSES).optional(),
    field: z.enum(TECH_FIELD_CODES).optional(),
    institutionId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    /** `mine`: an expert's own results only. */
    scope: z.enum(['mine', 'all']).default('all'),
    keyword: keywordQuerySchema,
  })
  .strict();
export type TechResultListQuery = z.infer<typeof techResultListQuerySchema>;
export const techResultPageSchema = pageSchema(techResultSummarySchema);

/** The portal's lists: published, public records only, searched by a keyword. */
export const publicTechListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
  field: z.enum(TECH_FIELD_CODES).optional(),
  keyword: keywordQuerySchema,
});
export const publicTechNeedSchema = techNeedSummarySchema.pick({
  id: true,
  title: true,
  enterpriseName: true,
  field: true,
  fieldLabel: true,
  industry: true,
  problem: true,
  budgetFen: true,
  deadline: true,
  keywords: true,
  publishedAt: true,
});
export const publicTechResultSchema = techResultSummarySchema.pick({
  id: true,
  title: true,
  holderName: true,
  field: true,
  fieldLabel: true,
  industry: true,
  description: true,
  trl: true,
  ipKind: true,
  modes: true,
  priceMinFen: true,
  priceMaxFen: true,
  keywords: true,
  publishedAt: true,
});
export const publicTechNeedPageSchema = pageSchema(publicTechNeedSchema);
export const publicTechResultPageSchema = pageSchema(publicTechResultSchema);

/** One suggested counterpart, with the score and the reason built from the same numbers. */
export const techSuggestionSchema = z.object({
  kind: z.enum(['result', 'expert', 'need']),
  id: z.number().int(),
  title: z.string(),
  /** The holder (institution or expert), the expert's organisation, or the enterprise. */
  subtitle: z.string(),
  score: z.number(),
  sharedTerms: z.array(z.string()),
  reason: z.string(),
  isSameField: z.boolean(),
  /** The 对接 record already made from this pair, if any. */
  matchingId: z.number().int().nullable(),
});
export type TechSuggestion = z.infer<typeof techSuggestionSchema>;
export const techSuggestionsSchema = z.object({
  results: z.array(techSuggestionSchema),
  experts: z.array(techSuggestionSchema),
  needs: z.array(techSuggestionSchema),
  /** Records of the looked-up kinds in the index, and candidates that shared a term (for the 说明). */
  candidateCount: z.number().int(),
});
export type TechSuggestions = z.infer<typeof techSuggestionsSchema>;
export const techSuggestionQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
