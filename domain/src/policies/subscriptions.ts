import { z } from 'zod';
import { versionSchema } from '../schemas/common';
import { POLICY_LEVELS, POLICY_THEMES } from './types';

/** What an enterprise follows: levels and themes; an empty list means every one. */
export const policySubscriptionInputSchema = z.strictObject({
  levels: z.array(z.enum(POLICY_LEVELS)).max(POLICY_LEVELS.length),
  themes: z.array(z.enum(POLICY_THEMES)).max(POLICY_THEMES.length),
  /** The subscription's version when changing one (absent for the first). */
  version: versionSchema.optional(),
});
export type PolicySubscriptionInput = z.infer<typeof policySubscriptionInputSchema>;

export const policySubscriptionSchema = z.object({
  levels: z.array(z.enum(POLICY_LEVELS)),
  themes: z.array(z.enum(POLICY_THEMES)),
  /** Null while the enterprise has not subscribed. */
  version: z.number().int().nullable(),
  notified: z.number().int(),
});
export type PolicySubscription = z.infer<typeof policySubscriptionSchema>;

/** A kept edition of the 《科技创新政策指引》. */
export const guideEditionSchema = z.object({
  id: z.number().int(),
  edition: z.number().int(),
  number: z.number().int(),
  fileName: z.string(),
  size: z.number().int(),
  /** Items the edition holds (null for an edition kept before the count was recorded). */
  itemCount: z.number().int().nullable(),
  /** Printed copies handed out of the edition's year. */
  copiesDistributed: z.number().int(),
  policyVersions: z.array(
    z.object({ id: z.number().int(), version: z.number().int(), documentNo: z.string(), title: z.string() }),
  ),
  generatedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type GuideEdition = z.infer<typeof guideEditionSchema>;
export const guideEditionListSchema = z.object({ items: z.array(guideEditionSchema) });
export const guideEditionInputSchema = z.strictObject({ edition: z.number().int().min(2000).max(2100) });
