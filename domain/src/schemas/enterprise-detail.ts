import { z } from 'zod';
import { enterpriseSchema } from './enterprise';
import { historyEntrySchema } from './workflow';

/** One enterprise as its page shows it: the record, what the caller may do now, and the 流程记录. */
export const enterpriseDetailSchema = z.object({
  enterprise: enterpriseSchema,
  allowedActions: z.array(z.string()),
  canEdit: z.boolean(),
  history: z.array(historyEntrySchema),
});
export type EnterpriseDetail = z.infer<typeof enterpriseDetailSchema>;
