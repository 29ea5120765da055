import { z } from 'zod';
import { listQuerySchema, pageSchema, versionSchema } from '../schemas/common';
import { historyEntrySchema } from '../schemas/workflow';
import { PLATFORM_STATUSES } from '../workflows/platform';
import { EVALUATION_ROUND_STATUSES, PLATFORM_EVALUATION_STATUSES } from '../workflows/platform-evaluation';
import { platformLevelSchema, recognitionDateSchema } from './schemas';

const idSchema = z.number().int().positive().max(2_147_483_647);
const queryId = z.coerce.number().int().positive().max(2_147_483_647);
const yearSchema = z.number().int().min(2000).max(2100);

/** The figures a platform reports for its year (DOMAIN-RULES §7.2: R&D spend, staff, patents …). */
export const evaluationFiguresSchema = z.strictObject({
  rdSpendWan: z.number().min(0).max(1e7).nullable(),
  staff: z.number().int().min(0).max(1e6).nullable(),
  patents: z.number().int().min(0).max(1e6).nullable(),
  projects: z.number().int().min(0).max(1e6).nullable(),
  incubated: z.number().int().min(0).max(1e6).nullable(),
  services: z.number().int().min(0).max(1e6).nullable(),
  incomeWan: z.number().min(0).max(1e8).nullable(),
});
export type EvaluationFigures = z.infer<typeof evaluationFiguresSchema>;

export const evaluationRoundInputSchema = z.strictObject({
  typeId: idSchema,
  year: yearSchema.refine((year) => year <= new Date().getFullYear(), {
    params: { key: 'platforms.yearInFuture' },
  }),
});
export type EvaluationRoundInput = z.infer<typeof evaluationRoundInputSchema>;

export const evaluationRoundSchema = z.object({
  id: z.number().int(),
  typeId: z.number().int(),
  typeName: z.string(),
  year: z.number().int(),
  status: z.enum(EVALUATION_ROUND_STATUSES),
  total: z.number().int(),
  reported: z.number().int(),
  graded: z.number().int(),
  gradeCounts: z.record(z.string(), z.number().int()),
  allowedActions: z.array(z.string()),
  version: z.number().int(),
});
export type EvaluationRound = z.infer<typeof evaluationRoundSchema>;

export const evaluationRoundListQuerySchema = listQuerySchema(['year'] as const).extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  typeId: queryId.optional(),
});
export const evaluationRoundPageSchema = pageSchema(evaluationRoundSchema);
export type EvaluationRoundPage = z.infer<typeof evaluationRoundPageSchema>;

export const evaluationRoundActionParamsSchema = z.strictObject({
  id: queryId,
  action: z.enum(['close', 'reopen']),
});

export const evaluationReportSchema = z.strictObject({
  figures: evaluationFiguresSchema,
  summary: z.string().trim().max(4000),
  version: versionSchema,
});
export type EvaluationReport = z.infer<typeof evaluationReportSchema>;

export const evaluationGradeSchema = z.strictObject({
  score: z.number().int().min(0).max(100),
  grade: z.string().trim().min(1).max(20),
  comment: z.string().trim().max(2000).optional(),
  version: versionSchema,
});
export type EvaluationGrade = z.infer<typeof evaluationGradeSchema>;

export const evaluationConsequenceSchema = z.strictObject({
  effectiveOn: recognitionDateSchema,
  version: versionSchema,
});
export type EvaluationConsequenceInput = z.infer<typeof evaluationConsequenceSchema>;

export const evaluationActionParamsSchema = z.strictObject({ id: queryId, action: z.enum(['return']) });

export const platformEvaluationSchema = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  year: z.number().int(),
  roundStatus: z.enum(EVALUATION_ROUND_STATUSES),
  typeName: z.string(),
  platformId: z.number().int(),
  platformName: z.string(),
  level: platformLevelSchema,
  platformStatus: z.enum(PLATFORM_STATUSES),
  hostNames: z.string(),
  status: z.enum(PLATFORM_EVALUATION_STATUSES),
  figures: evaluationFiguresSchema.nullable(),
  summary: z.string(),
  reportedOn: z.string().nullable(),
  score: z.number().int().nullable(),
  grade: z.string().nullable(),
  gradeLabel: z.string().nullable(),
  gradeComment: z.string().nullable(),
  consecutiveFailing: z.number().int(),
  consequence: z.enum(['none', 'warn', 'revoke']),
  consequenceAppliedOn: z.string().nullable(),
  grades: z.array(z.object({ code: z.string(), label: z.string(), minScore: z.number() })),
  allowedActions: z.array(z.string()),
  history: z.array(historyEntrySchema),
  version: z.number().int(),
});
export type PlatformEvaluation = z.infer<typeof platformEvaluationSchema>;

export const evaluationListQuerySchema = listQuerySchema(['platformName'] as const).extend({
  roundId: queryId.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(PLATFORM_EVALUATION_STATUSES).optional(),
  grade: z.string().trim().max(20).optional(),
  pendingConsequence: z.enum(['true']).optional(),
  keyword: z.string().trim().max(100).optional(),
});
export type EvaluationListQuery = z.infer<typeof evaluationListQuerySchema>;

export const evaluationPageSchema = pageSchema(platformEvaluationSchema).extend({
  statusCounts: z.record(z.string(), z.number().int()),
});
export type EvaluationPage = z.infer<typeof evaluationPageSchema>;
