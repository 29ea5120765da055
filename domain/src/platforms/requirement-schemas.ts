import { z } from 'zod';
import { textSchema } from '../schemas/common';

export const requirementItemSchema = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/),
  label: textSchema(60),
  unit: z.string().trim().max(10).optional(),
  min: z.number().min(0).max(1e9).optional(),
  max: z.number().min(0).max(1e9).optional(),
  or: z
    .strictObject({
      key: z
        .string()
        .trim()
        .regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/),
      label: textSchema(60),
      unit: z.string().trim().max(10).optional(),
      min: z.number().min(0).max(1e9),
    })
    .optional(),
  source: z.enum(['areaSquareMeters', 'staffCount', 'equipmentWan', 'operatingMonths']).optional(),
});

export const typeRequirementsSchema = z.strictObject({
  national: z.array(requirementItemSchema).max(30).optional(),
  provincial: z.array(requirementItemSchema).max(30).optional(),
  city: z.array(requirementItemSchema).max(30).optional(),
  district: z.array(requirementItemSchema).max(30).optional(),
});

/** A type's 绩效评价 rule (see `EvaluationRule`). */
export const evaluationRuleSchema = z.strictObject({
  grades: z
    .array(
      z.strictObject({
        code: z
          .string()
          .trim()
          .regex(/^[a-zA-Z][a-zA-Z0-9-]{0,19}$/),
        label: textSchema(20),
        minScore: z.number().min(0).max(100),
        failing: z.boolean().optional(),
      }),
    )
    .min(2)
    .max(8),
  warnAfterConsecutive: z.number().int().min(0).max(10),
  revokeAfterConsecutive: z.number().int().min(1).max(10),
});
