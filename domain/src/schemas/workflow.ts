import { z } from 'zod';
import { versionSchema } from './common';

export const transitionBodySchema = z.strictObject({
  version: versionSchema,
  comment: z.string().trim().max(2000).optional(),
});
export type TransitionBody = z.infer<typeof transitionBodySchema>;

export const historyEntrySchema = z.object({
  id: z.number().int(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  comment: z.string().nullable(),
  createdAt: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
