import { z } from 'zod';
import { listQuerySchema, pageSchema, versionSchema } from '../schemas/common';
import { historyEntrySchema } from '../schemas/workflow';
import { POLICY_APPLICATION_ACTIONS, POLICY_APPLICATION_STATUSES } from '../workflows/policy-application';
import { conditionResultSchema } from './matching-schemas';

const idSchema = z.number().int().positive().max(2_147_483_647);
const yearSchema = z.number().int().min(2000).max(2100);

/** One piece of evidence the enterprise gives for a condition the data cannot decide (by its position). */
export const policyApplicationEvidenceSchema = z.strictObject({
  index: z.number().int().min(0).max(49),
  text: z.string().trim().min(2).max(500),
});

/** 快申快享: the item, the year, and the evidence for the conditions the form asks, nothing else. */
export const policyApplicationInputSchema = z.strictObject({
  itemId: idSchema,
  year: yearSchema,
  materials: z.array(policyApplicationEvidenceSchema).max(50),
});
export type PolicyApplicationInput = z.infer<typeof policyApplicationInputSchema>;

export const policyApplicationFormQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
});

/**
 * The short form of an item for an enterprise: the conditions decided from the bureau's data are shown
 * prefilled (not asked); only those needing a document or a figure the bureau lacks are asked.
 */
export const policyApplicationFormSchema = z.object({
  itemId: z.number().int(),
  itemTitle: z.string(),
  policyTitle: z.string(),
  documentNo: z.string(),
  year: z.number().int(),
  outcome: z.enum(['eligible', 'unknown', 'ineligible']),
  amountFen: z.number().int().nullable(),
  prefilled: z.array(conditionResultSchema.extend({ index: z.number().int() })),
  asked: z.array(
    z.object({
      index: z.number().int(),
      required: z.boolean(),
      text: z.string(),
      document: z.string().nullable(),
    }),
  ),
  /** An application of the enterprise for this item and year, if there is one. */
  applicationId: z.number().int().nullable(),
});
export type PolicyApplicationForm = z.infer<typeof policyApplicationFormSchema>;

export const policyApplicationActionParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  action: z.enum(POLICY_APPLICATION_ACTIONS),
});

/** A step: the opinion; on resubmission the corrected evidence; on approval the amount if the data cannot compute it. */
export const policyApplicationActionBodySchema = z.strictObject({
  version: versionSchema,
  comment: z.string().trim().max(2000).optional(),
  materials: z.array(policyApplicationEvidenceSchema).max(50).optional(),
  approvedFen: z.number().int().positive().max(100_000_000_000).optional(),
});
export type PolicyApplicationActionBody = z.infer<typeof policyApplicationActionBodySchema>;

export const policyApplicationQuerySchema = listQuerySchema(['submittedOn']).extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  itemId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  status: z.enum(POLICY_APPLICATION_STATUSES).optional(),
});
export type PolicyApplicationQuery = z.infer<typeof policyApplicationQuerySchema>;

export const policyApplicationSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  status: z.enum(POLICY_APPLICATION_STATUSES),
  statusLabel: z.string(),
  itemId: z.number().int(),
  itemTitle: z.string(),
  year: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  submittedOn: z.string(),
  amountFen: z.number().int().nullable(),
  reasons: z.array(z.string()),
  materials: z.array(
    z.object({ index: z.number().int(), document: z.string().nullable(), text: z.string() }),
  ),
  payoutId: z.number().int().nullable(),
  allowedActions: z.array(z.string()),
  history: z.array(historyEntrySchema),
});
export type PolicyApplication = z.infer<typeof policyApplicationSchema>;
export const policyApplicationPageSchema = pageSchema(policyApplicationSchema.omit({ history: true }));
export type PolicyApplicationPage = z.infer<typeof policyApplicationPageSchema>;
