import { z } from 'zod';
import { pageSchema } from './common';
import { CERTIFICATE_VALIDITIES } from './high-tech-certificate';

/**
 * 信息畅通机制: what the finance/tax observer is entitled to see, and nothing more. These shapes are
 * strict on purpose: the server serialises through them, so an extra column can never leak.
 */
export const observerHighTechItemSchema = z.strictObject({
  creditCode: z.string(),
  enterpriseName: z.string(),
  certificateNumber: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  validity: z.enum(CERTIFICATE_VALIDITIES),
});
export type ObserverHighTechItem = z.infer<typeof observerHighTechItemSchema>;

export const observerRdExpenseItemSchema = z.strictObject({
  creditCode: z.string(),
  enterpriseName: z.string(),
  year: z.number().int(),
  rdExpenseFen: z.number(),
  rdExpenseDomesticFen: z.number(),
});
export type ObserverRdExpenseItem = z.infer<typeof observerRdExpenseItemSchema>;

export const observerListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  keyword: z.string().trim().max(100).optional(),
  validity: z.enum(CERTIFICATE_VALIDITIES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ObserverListQuery = z.infer<typeof observerListQuerySchema>;

export const observerHighTechPageSchema = pageSchema(observerHighTechItemSchema);
export const observerRdExpensePageSchema = pageSchema(observerRdExpenseItemSchema);
