import { z } from 'zod';
import { creditCodeSchema, dateSchema, listQuerySchema, pageSchema, versionSchema } from '../schemas/common';
import { historyEntrySchema } from '../schemas/workflow';
import { TECH_CONTRACT_STATUSES } from '../workflows/tech-contract';
import { NON_TECHNICAL_COST_KINDS } from './amounts';
import { TECH_CONTRACT_CATEGORIES, TECH_STAT_CATEGORIES } from './categories';
import { TECH_BUYER_REGIONS } from './regions';

const MAX_FEN = 10_000_000_000_000; // 1000亿元: above any contract the district registers
const fenSchema = z.number().int().min(0).max(MAX_FEN);

export const nonTechnicalCostLineSchema = z.strictObject({
  kind: z.enum(NON_TECHNICAL_COST_KINDS),
  description: z.string().trim().min(1).max(200),
  amountFen: fenSchema,
});

export const paymentLineSchema = z.strictObject({
  dueOn: dateSchema,
  amountFen: fenSchema,
  note: z.string().trim().max(200).optional(),
});

const contractFields = {
  title: z.string().trim().min(1).max(200),
  category: z.enum(TECH_CONTRACT_CATEGORIES),
  buyerName: z.string().trim().min(1).max(200),
  /** Foreign and individual buyers have none. */
  buyerCreditCode: creditCodeSchema.nullable(),
  /** 4-digit code of the 技术合同登记表 (3708 济宁, 7100 港澳台, 8000 其它) or a 6-digit GB 2260 code. */
  buyerRegionCode: z
    .string()
    .trim()
    .regex(/^\d{4}(\d{2})?$/),
  signedOn: dateSchema,
  termStartOn: dateSchema,
  termEndOn: dateSchema,
  contractFen: fenSchema,
  nonTechnicalCosts: z.array(nonTechnicalCostLineSchema).max(100),
  /** Reasonable technology-carrier costs: stated, and they stay in 技术交易额. */
  carrierFen: fenSchema,
  payments: z.array(paymentLineSchema).max(100),
  linkedContractId: z.number().int().positive().max(2_147_483_647).nullable(),
  sameInvoice: z.boolean(),
  disputed: z.boolean(),
  exemptionClaimed: z.boolean(),
};

type ContractFields = z.infer<z.ZodObject<typeof contractFields>>;

/** Checks across fields; each issue names the field a user has to change. */
function checkContract(value: ContractFields, context: z.core.$RefinementCtx<ContractFields>): void {
  const issue = (path: string, key: string) =>
    context.addIssue({ code: 'custom', path: [path], params: { key }, input: value });
  const nonTechnicalFen = value.nonTechnicalCosts.reduce((sum, line) => sum + line.amountFen, 0);
  if (nonTechnicalFen > value.contractFen) issue('techFen', 'techTransfer.techAboveContract');
  const paid = value.payments.reduce((sum, line) => sum + line.amountFen, 0);
  if (paid > value.contractFen) issue('payments', 'techTransfer.paymentsAboveContract');
  if (value.termEndOn < value.termStartOn) issue('termEndOn', 'techTransfer.termEndBeforeStart');
  if (value.exemptionClaimed) {
    if (value.category === 'SERVICE_TRAINING' || value.category === 'SERVICE_INTERMEDIARY') {
      issue('exemptionClaimed', 'techTransfer.neverExempt');
    } else if (value.category === 'CONSULTING' || value.category === 'SERVICE') {
      if (value.linkedContractId === null) issue('linkedContractId', 'techTransfer.exemptNeedsLink');
      else if (!value.sameInvoice) issue('sameInvoice', 'techTransfer.exemptNeedsSameInvoice');
    }
  }
}

export const techContractInputSchema = z.strictObject(contractFields).superRefine(checkContract);
export type TechContractInput = z.infer<typeof techContractInputSchema>;

export const techContractSaveSchema = z
  .strictObject({ ...contractFields, version: versionSchema })
  .superRefine(checkContract);

export const techContractActionParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  action: z.enum(['submit', 'return', 'resubmit', 'register', 'refuse', 'amend', 'cancel']),
});

export const techContractActionBodySchema = z.strictObject({
  version: versionSchema,
  comment: z.string().trim().max(2000).optional(),
  /** register: the 登记日期 (today when left out). */
  registeredOn: dateSchema.optional(),
  /** register: the acceptance checklist the 登记员 ticked, by index. */
  checklist: z.array(z.boolean()).max(20).optional(),
  /** amend (变更登记): the contract as changed. */
  changes: techContractInputSchema.optional(),
});

export const techExemptionClaimSchema = z.strictObject({ version: versionSchema, claimed: z.boolean() });

export const techExemptionConfirmSchema = z.strictObject({ version: versionSchema });

/** `pending`: submitted or resubmitted, the 登记员's queue whose time limit runs. */
export const TECH_CONTRACT_STATUS_FILTERS = [...TECH_CONTRACT_STATUSES, 'pending'] as const;

export const techContractListQuerySchema = listQuerySchema([
  'signedOn',
  'registeredOn',
  'contractFen',
  'dueOn',
  'id',
])
  .extend({
    status: z.enum(TECH_CONTRACT_STATUS_FILTERS).optional(),
    /** The seller (the 登记员 looks one enterprise's contracts up). */
    enterpriseId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    /** With `year`: the month of registration (of signing while not registered). */
    month: z.coerce.number().int().min(1).max(12).optional(),
    statCategory: z.enum(TECH_STAT_CATEGORIES).optional(),
    category: z.enum(TECH_CONTRACT_CATEGORIES).optional(),
    buyerRegion: z.enum(TECH_BUYER_REGIONS).optional(),
    /** The street of the district the seller is in. */
    street: z.string().trim().max(50).optional(),
    exemption: z.enum(['eligible', 'claimed', 'potential']).optional(),
    keyword: z.string().trim().max(100).optional(),
  })
  .strict();
export type TechContractListQuery = z.infer<typeof techContractListQuerySchema>;

export const techContractSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  status: z.enum(TECH_CONTRACT_STATUSES),
  enterpriseId: z.number().int(),
  sellerName: z.string(),
  sellerCreditCode: z.string(),
  title: z.string(),
  category: z.enum(TECH_CONTRACT_CATEGORIES),
  categoryLabel: z.string(),
  statCategory: z.enum(TECH_STAT_CATEGORIES),
  buyerName: z.string(),
  buyerCreditCode: z.string().nullable(),
  buyerRegionCode: z.string(),
  signedOn: z.string(),
  termStartOn: z.string(),
  termEndOn: z.string(),
  contractFen: z.number().int(),
  techFen: z.number().int(),
  carrierFen: z.number().int(),
  nonTechnicalCosts: z.array(nonTechnicalCostLineSchema),
  payments: z.array(paymentLineSchema),
  linkedContractId: z.number().int().nullable(),
  sameInvoice: z.boolean(),
  disputed: z.boolean(),
  signedFileId: z.number().int().nullable(),
  acceptedOn: z.string().nullable(),
  timeLimitDays: z.number().int().nullable(),
  dueOn: z.string().nullable(),
  /** Working days from today to `dueOn` while the contract waits (negative: overdue); null otherwise. */
  workingDaysLeft: z.number().int().nullable(),
  registrationNo: z.string().nullable(),
  registeredOn: z.string().nullable(),
  refusalReason: z.string().nullable(),
  exemptionEligible: z.boolean().nullable(),
  exemptionReason: z.string().nullable(),
  exemptionClaimed: z.boolean(),
  exemptionConfirmedAt: z.string().nullable(),
  imported: z.boolean(),
  checklist: z.array(z.string()),
  allowedActions: z.array(z.string()),
  history: z.array(historyEntrySchema),
});
export type TechContract = z.infer<typeof techContractSchema>;

export const techContractSummarySchema = techContractSchema.omit({
  nonTechnicalCosts: true,
  payments: true,
  checklist: true,
  allowedActions: true,
  history: true,
});
export const techContractPageSchema = pageSchema(techContractSummarySchema).extend({
  totals: z.object({
    contractFen: z.number().int(),
    techFen: z.number().int(),
    claimedTechFen: z.number().int(),
  }),
});

/** The registry's number format and time limits (a setting until the 2026 办法's text is confirmed). */
export const techTransferSettingsSchema = z.strictObject({
  numberFormat: z.strictObject({
    provinceCode: z.string().regex(/^\d{2}$/),
    cityCode: z.string().regex(/^\d{2}$/),
    registryCode: z.string().regex(/^\d{2}$/),
    pattern: z
      .string()
      .min(1)
      .max(200)
      .refine(
        (pattern) => {
          try {
            new RegExp(pattern);
            return true;
          } catch {
            return false;
          }
        },
        { params: { key: 'techTransfer.patternInvalid' } },
      ),
  }),
  timeLimits: z.strictObject({
    normalDays: z.number().int().min(1).max(120),
    largeOrDisputedDays: z.number().int().min(1).max(120),
    warnBeforeDays: z.number().int().min(0).max(30),
  }),
});
export type TechTransferSettings = z.infer<typeof techTransferSettingsSchema>;
export const techTransferSettingsSaveSchema = techTransferSettingsSchema.extend({ version: versionSchema });
export const techTransferSettingsViewSchema = techTransferSettingsSchema.extend({
  version: z.number().int(),
});
