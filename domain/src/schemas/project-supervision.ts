import { z } from 'zod';
import type { FieldLabels } from '../i18n';
import { PLAN_PROJECT_STATUSES } from '../workflows/plan-project';
import { PROJECT_CHANGE_ACTIONS, PROJECT_CHANGE_STATUSES } from '../workflows/project-change';
import { PROGRESS_REPORT_REVIEW_ACTIONS } from '../workflows/project-progress-report';
import { dateSchema, listQuerySchema, textSchema, versionSchema } from './common';

/** Labels of the supervision forms' fields, for validation messages that name them. */
export const SUPERVISION_FIELD_LABELS: FieldLabels = {
  intervalMonths: { zh: '报告周期（月）', en: 'Report interval (months)' },
  amountFen: { zh: '金额', en: 'Amount' },
  checkedOn: { zh: '检查日期', en: 'Check date' },
  method: { zh: '检查方式', en: 'Method' },
  result: { zh: '检查结果', en: 'Result' },
  opinion: { zh: '检查意见', en: 'Opinion' },
  progress: { zh: '进展情况', en: 'Progress' },
  item: { zh: '指标/节点', en: 'Target / milestone' },
  note: { zh: '说明', en: 'Note' },
  spentFen: { zh: '已支出经费', en: 'Spent so far' },
  issues: { zh: '存在问题', en: 'Issues' },
  nextPlan: { zh: '下一步计划', en: 'Next steps' },
  attachmentFileIds: { zh: '附件', en: 'Attachments' },
  kind: { zh: '变更类型', en: 'Kind of change' },
  reason: { zh: '变更理由', en: 'Reason' },
  principalName: { zh: '新项目负责人', en: 'New principal investigator' },
  principalIdNumber: { zh: '新负责人身份证号', en: 'New principal ID number' },
  members: { zh: '项目成员', en: 'Members' },
  title: { zh: '职称', en: 'Title' },
  organisation: { zh: '工作单位', en: 'Organisation' },
  workloadMonths: { zh: '投入工作量（人月）', en: 'Workload (person-months)' },
  budget: { zh: '调整后预算', en: 'Adjusted budget' },
  category: { zh: '预算科目', en: 'Budget category' },
  fiscalFen: { zh: '财政资金', en: 'District funds' },
  selfRaisedFen: { zh: '自筹资金', en: 'Self-raised funds' },
  otherFen: { zh: '其他资金', en: 'Other funds' },
  newEndOn: { zh: '延期后的结束日期', en: 'New end date' },
  summary: { zh: '项目总结', en: 'Summary' },
  targets: { zh: '考核指标完成情况', en: 'Targets' },
  index: { zh: '指标序号', en: 'Target number' },
  achieved: { zh: '实际完成值', en: 'Achieved' },
  completion: { zh: '是否完成', en: 'Completed' },
  financial: { zh: '经费决算', en: 'Financial statement' },
  budgetFen: { zh: '预算数', en: 'Budget' },
  rectificationDueOn: { zh: '整改期限', en: 'Rectification deadline' },
};

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);
const fenSchema = z.number().int().min(0).max(100_000_000_000);
const attachmentIdsSchema = z.array(z.number().int().positive().max(2_147_483_647)).max(10).default([]);

export const PROJECT_STATUS_ACTIONS = ['suspend', 'resume', 'terminate', 'revoke', 'archive'] as const;
export type ProjectStatusAction = (typeof PROJECT_STATUS_ACTIONS)[number];
export const ACCEPTANCE_ACTIONS = [
  'accept',
  'requireRectification',
  'requireReconsideration',
  'fail',
  'closeWithoutPass',
] as const;
export type AcceptanceAction = (typeof ACCEPTANCE_ACTIONS)[number];

export const supervisionProjectListQuerySchema = listQuerySchema([
  'updatedAt',
  'startOn',
  'projectNo',
] as const).extend({
  status: z.enum(PLAN_PROJECT_STATUSES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  keyword: z.string().trim().max(100).optional(),
});
export type SupervisionProjectListQuery = z.infer<typeof supervisionProjectListQuerySchema>;

export const reportScheduleSchema = z.strictObject({ intervalMonths: z.number().int().min(1).max(12) });
export type ReportSchedule = z.infer<typeof reportScheduleSchema>;

export const projectStatusActionParamsSchema = z.strictObject({
  id: idSchema,
  action: z.enum(PROJECT_STATUS_ACTIONS),
});
export const projectStatusActionBodySchema = z.strictObject({
  version: versionSchema,
  comment: z.string().trim().max(2000).optional(),
  /** 终止: unspent funds to return; 撤销: all funds recovered; in 分. */
  amountFen: fenSchema.optional(),
});
export type ProjectStatusActionBody = z.infer<typeof projectStatusActionBodySchema>;

export const midTermCheckInputSchema = z.strictObject({
  /** 0 to record the first check, else the version last read. */
  version: z.number().int().min(0).max(2_147_483_647),
  checkedOn: dateSchema,
  method: z.enum(['document', 'site', 'both']),
  result: z.enum(['good', 'qualified', 'needsRectification', 'unqualified']),
  opinion: textSchema(2000),
});
export type MidTermCheckInput = z.infer<typeof midTermCheckInputSchema>;

export const progressItemSchema = z.strictObject({
  item: textSchema(200),
  progress: textSchema(1000),
  note: z.string().trim().max(500).default(''),
});

export const progressReportSubmitSchema = z.strictObject({
  version: versionSchema,
  progress: z.array(progressItemSchema).min(1).max(60),
  spentFen: fenSchema,
  issues: z.string().trim().max(2000).default(''),
  nextPlan: z.string().trim().max(2000).default(''),
  attachmentFileIds: attachmentIdsSchema,
});
export type ProgressReportSubmit = z.infer<typeof progressReportSubmitSchema>;

export const reportReviewParamsSchema = z.strictObject({
  id: idSchema,
  action: z.enum(PROGRESS_REPORT_REVIEW_ACTIONS),
});

const memberSchema = z.strictObject({
  name: textSchema(50),
  role: z.enum(['principal', 'core', 'member']),
  title: z.string().trim().max(200).default(''),
  organisation: z.string().trim().max(200).default(''),
  workloadMonths: z.number().min(0).max(12),
});

export const budgetAdjustmentRowSchema = z.strictObject({
  category: z.enum(['equipment', 'business', 'labour', 'indirect']),
  fiscalFen: fenSchema,
  selfRaisedFen: fenSchema,
  otherFen: fenSchema,
});

const changeBase = { reason: textSchema(2000), attachmentFileIds: attachmentIdsSchema };
export const changeRequestCreateSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('principal'),
    ...changeBase,
    principalName: textSchema(50),
    principalIdNumber: z
      .string()
      .trim()
      .regex(/^\d{17}[\dX]$/)
      .optional(),
  }),
  z.strictObject({
    kind: z.literal('members'),
    ...changeBase,
    members: z.array(memberSchema).min(1).max(50),
  }),
  z.strictObject({
    kind: z.literal('budget'),
    ...changeBase,
    budget: z.array(budgetAdjustmentRowSchema).min(1).max(10),
  }),
  z.strictObject({ kind: z.literal('extension'), ...changeBase, newEndOn: dateSchema }),
]);
export type ChangeRequestCreate = z.infer<typeof changeRequestCreateSchema>;

export const changeActionParamsSchema = z.strictObject({
  id: idSchema,
  action: z.enum(PROJECT_CHANGE_ACTIONS),
});

export const changeQueueQuerySchema = listQuerySchema(['createdAt', 'updatedAt'] as const).extend({
  status: z.enum(PROJECT_CHANGE_STATUSES).optional(),
  kind: z.enum(['principal', 'members', 'budget', 'extension']).optional(),
  projectId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
export type ChangeQueueQuery = z.infer<typeof changeQueueQuerySchema>;

export const overdueQuerySchema = listQuerySchema(['dueOn'] as const).extend({
  keyword: z.string().trim().max(100).optional(),
});
export type OverdueQuery = z.infer<typeof overdueQuerySchema>;

export const finalReportTargetSchema = z.strictObject({
  index: z.number().int().min(0).max(49),
  achieved: textSchema(200),
  completion: z.enum(['yes', 'partly', 'no']),
  note: z.string().trim().max(500).default(''),
});

export const finalReportSubmitSchema = z.strictObject({
  /** The project's version, as the submission applies for acceptance. */
  version: versionSchema,
  summary: textSchema(5000),
  targets: z.array(finalReportTargetSchema).max(50),
  financial: z
    .array(
      z.strictObject({
        category: z.enum(['equipment', 'business', 'labour', 'indirect']),
        spentFen: fenSchema,
      }),
    )
    .max(10),
  attachmentFileIds: attachmentIdsSchema,
});
export type FinalReportSubmit = z.infer<typeof finalReportSubmitSchema>;

export const acceptanceParamsSchema = z.strictObject({ id: idSchema, action: z.enum(ACCEPTANCE_ACTIONS) });
export const acceptanceBodySchema = z.strictObject({
  version: versionSchema,
  comment: z.string().trim().max(2000).optional(),
  rectificationDueOn: dateSchema.optional(),
});
export type AcceptanceBody = z.infer<typeof acceptanceBodySchema>;
