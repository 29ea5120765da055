import { z } from 'zod';
import { versionSchema } from '../schemas/common';

/** The reminders an enterprise gets about an item: a new matching policy, its window opening, closing. */
export const POLICY_NOTICE_EVENTS = ['new-match', 'window-open', 'closing-soon'] as const;
export type PolicyNoticeEvent = (typeof POLICY_NOTICE_EVENTS)[number];

/** What an enterprise did after being told: confirmed a 免申即享 payout or submitted a 快申快享 application. */
export const POLICY_NOTICE_RESPONSES = ['payout-confirmed', 'application-submitted'] as const;
export type PolicyNoticeResponse = (typeof POLICY_NOTICE_RESPONSES)[number];

/** Working days before an item's window closes when the closing reminder goes out, unless set. */
export const DEFAULT_CLOSING_REMINDER_DAYS = 3;

/** The module's settings (kept under the `policies` key of the settings table). */
export const policySettingsSchema = z.strictObject({
  closingReminderDays: z.number().int().min(1).max(30),
});
export type PolicySettings = z.infer<typeof policySettingsSchema>;
/** A save names the version read (1 when the row is not yet stored); the view carries the stored one. */
export const policySettingsSaveSchema = policySettingsSchema.extend({ version: versionSchema });
export const policySettingsViewSchema = policySettingsSchema.extend({ version: z.number().int() });

/** "通知与响应" of one item: who was told what and when, and whether they acted. */
export const itemNoticesSchema = z.object({
  itemId: z.number().int(),
  itemTitle: z.string(),
  policyTitle: z.string(),
  windowFrom: z.string().nullable(),
  windowTo: z.string().nullable(),
  counts: z.object({
    notified: z.number().int(),
    newMatch: z.number().int(),
    windowOpen: z.number().int(),
    closingSoon: z.number().int(),
    acted: z.number().int(),
  }),
  items: z.array(
    z.object({
      enterpriseId: z.number().int(),
      enterpriseName: z.string(),
      creditCode: z.string(),
      notices: z.array(z.object({ event: z.enum(POLICY_NOTICE_EVENTS), notifiedAt: z.string() })),
      response: z.enum(POLICY_NOTICE_RESPONSES).nullable(),
      respondedOn: z.string().nullable(),
    }),
  ),
});
export type ItemNotices = z.infer<typeof itemNoticesSchema>;
