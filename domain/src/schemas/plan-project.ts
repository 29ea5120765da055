import { z } from 'zod';
import type { FieldLabels } from '../i18n';
import { budgetRowSchema, milestoneSchema, targetSchema } from '../projects/application-content';
import { PLAN_PROJECT_STATUSES } from '../workflows/plan-project';
import { TASK_CONTRACT_ACTIONS, TASK_CONTRACT_STATUSES } from '../workflows/task-contract';
import { dateSchema, listQuerySchema, pageSchema, versionSchema } from './common';
import { fenSchema } from './plan-approval';
import { historyEntrySchema } from './workflow';

export const PLAN_PROJECT_FIELD_LABELS: FieldLabels = {
  rows: { zh: '预算表', en: 'Budget' },
  fiscalFen: { zh: '财政资金', en: 'District funding' },
  selfRaisedFen: { zh: '自筹资金', en: 'Self-raised' },
  otherFen: { zh: '其他资金', en: 'Other' },
  installments: { zh: '拨付计划', en: 'Disbursement plan' },
  plannedOn: { zh: '计划拨付日期', en: 'Planned date' },
  amountFen: { zh: '金额', en: 'Amount' },
  paidOn: { zh: '拨付日期', en: 'Paid on' },
  voucherNo: { zh: '凭证号', en: 'Voucher no.' },
  note: { zh: '备注', en: 'Note' },
};

/** The 任务书 as generated from the application and revised by staff. */
export const taskContractContentSchema = z.object({
  title: z.string(),
  enterpriseName: z.string(),
  principalName: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string(),
  requestedFen: z.number().int(),
  approvedFen: z.number().int(),
  summary: z.string(),
  targets: z.array(targetSchema),
  milestones: z.array(milestoneSchema),
  budgetRows: z.array(budgetRowSchema),
});
export type TaskContractContent = z.infer<typeof taskContractContentSchema>;

export const taskContractSchema = z.object({
  id: z.number().int(),
  status: z.enum(TASK_CONTRACT_STATUSES),
  content: taskContractContentSchema,
  revision: z.number().int(),
  signedFileId: z.number().int().nullable(),
  signedFileName: z.string().nullable(),
  version: z.number().int(),
  allowedActions: z.array(z.string()),
  history: z.array(historyEntrySchema),
});
export type TaskContract = z.infer<typeof taskContractSchema>;

export const contractBudgetSchema = z.strictObject({
  version: versionSchema,
  rows: z.array(budgetRowSchema).min(1).max(10),
});
export type ContractBudget = z.infer<typeof contractBudgetSchema>;

export const contractActionParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  action: z.enum(
    TASK_CONTRACT_ACTIONS.filter((action) => action !== 'uploadSigned') as ['issue', 'confirm', 'revise'],
  ),
});

export const installmentSchema = z.strictObject({
  plannedOn: dateSchema,
  amountFen: fenSchema.min(1),
  note: z.string().trim().max(200).default(''),
});

export const disbursementPlanBodySchema = z.strictObject({
  /** 0 when no plan exists yet. */
  version: z.number().int().min(0).max(2_147_483_647),
  installments: z.array(installmentSchema).min(1).max(24),
});
export type DisbursementPlanBody = z.infer<typeof disbursementPlanBodySchema>;

export const paymentBodySchema = z.strictObject({
  paidOn: dateSchema,
  amountFen: fenSchema.min(1),
  voucherNo: z.string().trim().min(1).max(50),
  note: z.string().trim().max(200).default(''),
});
export type PaymentBody = z.infer<typeof paymentBodySchema>;
export const paymentUpdateSchema = paymentBodySchema.extend({ version: versionSchema });
export type PaymentUpdate = z.infer<typeof paymentUpdateSchema>;

export const paymentSchema = z.object({
  id: z.number().int(),
  planProjectId: z.number().int(),
  paidOn: z.string(),
  amountFen: z.number().int(),
  voucherNo: z.string(),
  note: z.string(),
  version: z.number().int(),
});
export type Payment = z.infer<typeof paymentSchema>;

export const planProjectSchema = z.object({
  id: z.number().int(),
  projectNo: z.string(),
  title: z.string(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  callId: z.number().int(),
  callTitle: z.string(),
  year: z.number().int(),
  status: z.enum(PLAN_PROJECT_STATUSES),
  principalName: z.string().nullable(),
  approvedFen: z.number().int(),
  paidFen: z.number().int(),
  startOn: z.string(),
  endOn: z.string(),
  establishedAt: z.string(),
  contractStatus: z.enum(TASK_CONTRACT_STATUSES).nullable(),
  version: z.number().int(),
});
export type PlanProject = z.infer<typeof planProjectSchema>;

export const planProjectDetailSchema = z.object({
  project: planProjectSchema,
  allowedActions: z.array(z.string()),
  contract: taskContractSchema.nullable(),
  disbursementPlan: z.object({
    version: z.number().int(),
    installments: z.array(z.object({ plannedOn: z.string(), amountFen: z.number().int(), note: z.string() })),
  }),
  payments: z.array(paymentSchema),
  history: z.array(historyEntrySchema),
});
export type PlanProjectDetail = z.infer<typeof planProjectDetailSchema>;

export const planProjectListQuerySchema = listQuerySchema(['projectNo', 'establishedAt'] as const).extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(PLAN_PROJECT_STATUSES).optional(),
  keyword: z.string().trim().max(100).optional(),
});
export type PlanProjectListQuery = z.infer<typeof planProjectListQuerySchema>;
export const planProjectPageSchema = pageSchema(planProjectSchema);
