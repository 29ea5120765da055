import { z } from 'zod';
import { dateSchema, versionSchema } from '../schemas/common';
import { historyEntrySchema } from '../schemas/workflow';
import { POLICY_PAYOUT_ACTIONS, POLICY_PAYOUT_STATUSES } from '../workflows/policy-payout';

/** The Luhn check that 银联 card numbers (62…, 16–19 digits) carry in their last digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * A bank account number as enterprises write it (spaces allowed): 9–30 digits; a 银联 card number
 * (62 followed by 14–17 digits) must pass its Luhn check. 对公账户 numbers carry no check digit
 * common to all banks, so only their form is checked.
 */
export function bankAccountIssue(
  value: string,
): 'policies.bankAccountForm' | 'policies.bankAccountCheck' | null {
  const digits = value.replace(/\s+/g, '');
  if (!/^\d{9,30}$/.test(digits)) return 'policies.bankAccountForm';
  if (/^62\d{14,17}$/.test(digits) && !luhnValid(digits)) return 'policies.bankAccountCheck';
  return null;
}

export const payoutActionParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  action: z.enum(POLICY_PAYOUT_ACTIONS),
});

/**
 * What each step carries: the enterprise's confirmation its bank account (开户行, 户名, 账号), the
 * payment its amount in 分 (not above the confirmed amount), date and voucher number.
 */
export const payoutActionBodySchema = z.strictObject({
  version: versionSchema,
  comment: z.string().trim().max(2000).optional(),
  bankName: z.string().trim().min(2).max(80).optional(),
  bankAccountName: z.string().trim().min(2).max(100).optional(),
  bankAccount: z
    .string()
    .trim()
    .max(40)
    .superRefine((value, context) => {
      const issue = bankAccountIssue(value);
      if (issue) context.addIssue({ code: 'custom', params: { key: issue } });
    })
    .optional(),
  paidFen: z.number().int().positive().max(100_000_000_000).optional(),
  paidOn: dateSchema.optional(),
  voucherNo: z.string().trim().min(1).max(60).optional(),
  /** The voucher scan uploaded for this payout beforehand (`POST …/payouts/:id/voucher-files`). */
  voucherFileId: z.number().int().positive().max(2_147_483_647).optional(),
});
export type PayoutActionBody = z.infer<typeof payoutActionBodySchema>;

export const payoutDetailSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  status: z.enum(POLICY_PAYOUT_STATUSES),
  statusLabel: z.string(),
  year: z.number().int(),
  itemId: z.number().int(),
  itemTitle: z.string(),
  policyTitle: z.string(),
  documentNo: z.string(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  amountFen: z.number().int(),
  confirmedOn: z.string(),
  reasons: z.array(z.string()),
  timeLimitDays: z.number().int().nullable(),
  pushedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  /** Working days left to the 兑现时限 (negative: overdue); null when not running or no calendar. */
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  acceptedOn: z.string().nullable(),
  bankName: z.string().nullable(),
  bankAccountName: z.string().nullable(),
  /** Shown in full to the bureau and the enterprise itself; the finance observer sees it masked. */
  bankAccount: z.string().nullable(),
  paidFen: z.number().int().nullable(),
  paidOn: z.string().nullable(),
  voucherNo: z.string().nullable(),
  /** The attached voucher scan, downloaded from `GET …/payouts/:id/voucher`. */
  voucherFile: z.object({ id: z.number().int(), fileName: z.string(), size: z.number().int() }).nullable(),
  allowedActions: z.array(z.string()),
  history: z.array(historyEntrySchema),
});
export type PayoutDetail = z.infer<typeof payoutDetailSchema>;
