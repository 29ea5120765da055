import { z } from 'zod';
import type { FieldLabels, Text } from '../i18n';
import { dateSchema, listQuerySchema, pageSchema, textSchema, versionSchema } from './common';
import { fenSchema } from './plan-approval';

export const FUND_AWARD_KINDS = ['rdSubsidy', 'upgradeReward', 'otherAward'] as const;
export type FundAwardKind = (typeof FUND_AWARD_KINDS)[number];
export const FUND_AWARD_KIND_LABELS: Record<FundAwardKind, Text> = {
  rdSubsidy: { zh: '研发补助', en: 'R&D subsidy' },
  upgradeReward: { zh: '小升高奖励', en: 'SME-to-high-tech reward' },
  otherAward: { zh: '其他奖励', en: 'Other award' },
};

export const FUNDS_FIELD_LABELS: FieldLabels = {
  enterpriseId: { zh: '企业', en: 'Enterprise' },
  year: { zh: '年度', en: 'Year' },
  kind: { zh: '类别', en: 'Kind' },
  amountFen: { zh: '金额', en: 'Amount' },
  documentNo: { zh: '文号', en: 'Document no.' },
  grantedOn: { zh: '兑现日期', en: 'Granted on' },
  bankName: { zh: '贷款银行', en: 'Bank' },
  loanFen: { zh: '贷款金额', en: 'Loan amount' },
  compensationFen: { zh: '补偿金额', en: 'Compensation' },
  compensatedOn: { zh: '补偿日期', en: 'Compensated on' },
  note: { zh: '备注', en: 'Note' },
};

const enterpriseIdSchema = z.number().int().positive().max(2_147_483_647);
const yearSchema = z.number().int().min(2000).max(2100);

export const fundAwardBodySchema = z.strictObject({
  enterpriseId: enterpriseIdSchema,
  year: yearSchema,
  kind: z.enum(FUND_AWARD_KINDS),
  amountFen: fenSchema.min(1),
  documentNo: textSchema(100),
  grantedOn: dateSchema,
  note: z.string().trim().max(500).default(''),
});
export type FundAwardBody = z.infer<typeof fundAwardBodySchema>;
export const fundAwardUpdateSchema = fundAwardBodySchema.extend({ version: versionSchema });
export type FundAwardUpdate = z.infer<typeof fundAwardUpdateSchema>;

export const fundAwardSchema = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  year: z.number().int(),
  kind: z.enum(FUND_AWARD_KINDS),
  amountFen: z.number().int(),
  documentNo: z.string(),
  grantedOn: z.string(),
  note: z.string(),
  version: z.number().int(),
});
export type FundAward = z.infer<typeof fundAwardSchema>;

export const riskCompensationBodySchema = z.strictObject({
  enterpriseId: enterpriseIdSchema,
  bankName: textSchema(100),
  loanFen: fenSchema.min(1),
  compensationFen: fenSchema,
  compensatedOn: dateSchema,
  note: z.string().trim().max(500).default(''),
});
export type RiskCompensationBody = z.infer<typeof riskCompensationBodySchema>;
export const riskCompensationUpdateSchema = riskCompensationBodySchema.extend({ version: versionSchema });
export type RiskCompensationUpdate = z.infer<typeof riskCompensationUpdateSchema>;

export const riskCompensationSchema = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  bankName: z.string(),
  loanFen: z.number().int(),
  compensationFen: z.number().int(),
  compensatedOn: z.string(),
  year: z.number().int(),
  note: z.string(),
  version: z.number().int(),
});
export type RiskCompensation = z.infer<typeof riskCompensationSchema>;

export const fundListQuerySchema = listQuerySchema(['year', 'amount'] as const).extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(FUND_AWARD_KINDS).optional(),
  keyword: z.string().trim().max(100).optional(),
});
export type FundListQuery = z.infer<typeof fundListQuerySchema>;
export const fundAwardPageSchema = pageSchema(fundAwardSchema);
export const riskCompensationPageSchema = pageSchema(riskCompensationSchema);

/** Funds per year by kind: project payments, each award kind, risk compensation, and the loans behind it. */
export const fundYearTotalSchema = z.object({
  year: z.number().int(),
  projectPaymentsFen: z.number().int(),
  rdSubsidyFen: z.number().int(),
  upgradeRewardFen: z.number().int(),
  otherAwardFen: z.number().int(),
  riskCompensationFen: z.number().int(),
  totalFen: z.number().int(),
  loanFen: z.number().int(),
  loanEnterpriseCount: z.number().int(),
});
export type FundYearTotal = z.infer<typeof fundYearTotalSchema>;
export const fundYearTotalsSchema = z.object({ items: z.array(fundYearTotalSchema) });
