import { z } from 'zod';
import { dateSchema, listQuerySchema, pageSchema, textSchema, versionSchema } from '../schemas/common';
import { historyEntrySchema } from '../schemas/workflow';
import { POLICY_ACTIONS, POLICY_STATUSES } from '../workflows/policy';
import {
  type AmountRule,
  canFulfilWithoutApplication,
  EVIDENCE_SOURCES,
  findAmountProblem,
  findConditionProblem,
  type PolicyCondition,
} from './conditions';
import { CONDITION_OPERATORS } from './fields';
import {
  DOCUMENT_NUMBER_PATTERN,
  FULFIL_MODES,
  INDEX_NUMBER_PATTERN,
  POLICY_ITEM_TYPES,
  POLICY_LEVELS,
  POLICY_THEMES,
  POLICY_VALIDITIES,
} from './types';

const idSchema = z.number().int().positive().max(2_147_483_647);
const MAX_FEN = 10_000_000_000_000;
const fenSchema = z.number().int().min(0).max(MAX_FEN);

export const policyConditionSchema = z
  .strictObject({
    field: z.string().trim().min(1).max(60),
    operator: z.enum(CONDITION_OPERATORS),
    value: z.union([
      z.number().finite(),
      z.boolean(),
      z.string().trim().max(100),
      z.array(z.string().trim().min(1).max(100)).max(50),
      z.tuple([z.number().finite(), z.number().finite()]),
      z.null(),
    ]),
    required: z.boolean(),
    evidence: z.enum(EVIDENCE_SOURCES),
    document: z.string().trim().max(200).nullable().optional(),
  })
  .superRefine((condition, context) => {
    if (condition.evidence !== 'data') return;
    const problem = findConditionProblem(condition as PolicyCondition);
    if (problem) context.addIssue({ code: 'custom', path: [problem.path], params: { key: problem.key } });
  });

export const amountRuleSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({ kind: z.literal('fixed'), amountFen: fenSchema }),
    z.strictObject({
      kind: z.literal('percent'),
      baseField: z.string().trim().min(1).max(60),
      ratePercent: z.number().positive().max(100),
      capFen: fenSchema.nullable(),
      floorFen: fenSchema.nullable(),
    }),
  ])
  .superRefine((rule, context) => {
    const problem = findAmountProblem(rule as AmountRule);
    if (problem) context.addIssue({ code: 'custom', path: [problem.path], params: { key: problem.key } });
  });

export const policyItemInputSchema = z
  .strictObject({
    title: textSchema(100),
    type: z.enum(POLICY_ITEM_TYPES),
    beneficiaries: textSchema(500),
    conditions: z.array(policyConditionSchema).max(30),
    amount: amountRuleSchema,
    fulfilMode: z.enum(FULFIL_MODES),
    fulfilDays: z.number().int().min(1).max(365).nullable(),
    windowFrom: dateSchema.nullable(),
    windowTo: dateSchema.nullable(),
    department: textSchema(100),
    contact: textSchema(50),
  })
  .superRefine((item, context) => {
    if (item.windowFrom && item.windowTo && item.windowTo < item.windowFrom) {
      context.addIssue({ code: 'custom', path: ['windowTo'], params: { key: 'policies.endBeforeStart' } });
    }
    if (
      item.fulfilMode === 'no-application' &&
      !canFulfilWithoutApplication(item.conditions as PolicyCondition[])
    ) {
      context.addIssue({
        code: 'custom',
        path: ['fulfilMode'],
        params: { key: 'policies.needsDataForNoApplication' },
      });
    }
  });
export type PolicyItemInput = z.infer<typeof policyItemInputSchema>;

export const policyAttachmentSchema = z.strictObject({
  name: textSchema(200),
  url: z.string().trim().url().max(500),
});

const policyFields = z.strictObject({
  title: textSchema(200),
  level: z.enum(POLICY_LEVELS),
  theme: z.enum(POLICY_THEMES),
  indexNo: z
    .string()
    .trim()
    .max(40)
    .refine((value) => INDEX_NUMBER_PATTERN.test(value), { params: { key: 'policies.indexNumber' } })
    .nullable(),
  documentNo: textSchema(60).refine((value) => DOCUMENT_NUMBER_PATTERN.test(value), {
    params: { key: 'policies.documentNumber' },
  }),
  issuer: textSchema(200),
  writtenOn: dateSchema,
  publishedOn: dateSchema,
  effectiveFrom: dateSchema,
  effectiveTo: dateSchema.nullable(),
  fullText: textSchema(100_000),
  interpretation: z.string().trim().max(20_000).nullable(),
  attachments: z.array(policyAttachmentSchema).max(20),
  supersedesId: idSchema.nullable(),
  items: z.array(policyItemInputSchema).max(30),
});

const checkDates = (
  policy: { writtenOn: string; publishedOn: string; effectiveFrom: string; effectiveTo: string | null },
  context: z.RefinementCtx,
) => {
  if (policy.publishedOn < policy.writtenOn) {
    context.addIssue({
      code: 'custom',
      path: ['publishedOn'],
      params: { key: 'policies.publishedBeforeWritten' },
    });
  }
  if (policy.effectiveTo && policy.effectiveTo < policy.effectiveFrom) {
    context.addIssue({ code: 'custom', path: ['effectiveTo'], params: { key: 'policies.endBeforeStart' } });
  }
};

export const policyInputSchema = policyFields.superRefine(checkDates);
export type PolicyInput = z.infer<typeof policyInputSchema>;

export const policyUpdateSchema = policyFields.extend({ version: versionSchema }).superRefine(checkDates);
export type PolicyUpdate = z.infer<typeof policyUpdateSchema>;

export const policyActionParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  action: z.enum(POLICY_ACTIONS),
});
export const policyActionBodySchema = z.strictObject({
  version: versionSchema,
  comment: z.string().trim().max(2000).optional(),
});
export type PolicyActionBody = z.infer<typeof policyActionBodySchema>;

const conditionOutSchema = z.object({
  field: z.string(),
  operator: z.enum(CONDITION_OPERATORS),
  value: z.unknown(),
  required: z.boolean(),
  evidence: z.enum(EVIDENCE_SOURCES),
  document: z.string().nullable().optional(),
});

export const policyItemSchema = z.object({
  id: z.number().int(),
  policyId: z.number().int(),
  title: z.string(),
  type: z.enum(POLICY_ITEM_TYPES),
  beneficiaries: z.string(),
  conditions: z.array(conditionOutSchema),
  amount: z.unknown(),
  fulfilMode: z.enum(FULFIL_MODES),
  fulfilDays: z.number().int().nullable(),
  windowFrom: z.string().nullable(),
  windowTo: z.string().nullable(),
  department: z.string(),
  contact: z.string(),
});
export type PolicyItem = z.infer<typeof policyItemSchema>;

const policyLinkSchema = z.object({ id: z.number().int(), title: z.string(), documentNo: z.string() });

export const policySummarySchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  status: z.enum(POLICY_STATUSES),
  validity: z.enum(POLICY_VALIDITIES),
  title: z.string(),
  level: z.enum(POLICY_LEVELS),
  theme: z.enum(POLICY_THEMES),
  indexNo: z.string().nullable(),
  documentNo: z.string(),
  issuer: z.string(),
  writtenOn: z.string(),
  publishedOn: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  itemCount: z.number().int(),
  supersededBy: policyLinkSchema.nullable(),
});
export type PolicySummary = z.infer<typeof policySummarySchema>;

export const policySchema = policySummarySchema.extend({
  fullText: z.string(),
  interpretation: z.string().nullable(),
  attachments: z.array(z.object({ name: z.string(), url: z.string() })),
  supersedes: policyLinkSchema.nullable(),
  items: z.array(policyItemSchema),
  allowedActions: z.array(z.string()),
  history: z.array(historyEntrySchema),
});
export type Policy = z.infer<typeof policySchema>;

export const policyListQuerySchema = listQuerySchema(['publishedOn', 'title']).extend({
  keyword: z.string().trim().max(50).optional(),
  level: z.enum(POLICY_LEVELS).optional(),
  theme: z.enum(POLICY_THEMES).optional(),
  status: z.enum(POLICY_STATUSES).optional(),
  validity: z.enum(POLICY_VALIDITIES).optional(),
});
export type PolicyListQuery = z.infer<typeof policyListQuerySchema>;

export const policyPageSchema = pageSchema(policySummarySchema).extend({
  statusCounts: z.record(z.string(), z.number().int()),
});
export type PolicyPage = z.infer<typeof policyPageSchema>;
