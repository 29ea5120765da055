import { z } from 'zod';
import type { FieldLabels } from '../i18n';
import { applicationContentSchema } from '../projects/application-content';
import { callRulesSchema, fundingModeSchema, planLevelSchema } from '../projects/plan';
import { PLAN_CALL_ACTIONS, PLAN_CALL_STATUSES } from '../workflows/plan-call';
import { PROJECT_APPLICATION_STATUSES } from '../workflows/project-application';
import { listQuerySchema, pageSchema, textSchema, versionSchema } from './common';
import { historyEntrySchema } from './workflow';

/** Labels of the plan forms' fields, for validation messages. */
export const PLAN_FIELD_LABELS: FieldLabels = {
  code: { zh: '类别代码', en: 'Code' },
  name: { zh: '类别名称', en: 'Category name' },
  fundingMode: { zh: '资助方式', en: 'Funding mode' },
  level: { zh: '计划层级', en: 'Level' },
  active: { zh: '是否启用', en: 'Active' },
  categoryId: { zh: '计划类别', en: 'Plan category' },
  callId: { zh: '申报通知', en: 'Call' },
  title: { zh: '名称', en: 'Title' },
  guideline: { zh: '申报指南', en: 'Guideline' },
  opensAt: { zh: '申报开始时间', en: 'Opens at' },
  closesAt: { zh: '申报截止时间', en: 'Closes at' },
  districtReviewDeadline: { zh: '区级审核截止时间', en: 'District review deadline' },
  budgetFen: { zh: '计划总预算', en: 'Budget' },
  allowResubmission: { zh: '截止前允许撤回修改', en: 'Allow resubmission' },
  rules: { zh: '申报条件', en: 'Eligibility rules' },
  requiredStandings: { zh: '申报单位资质要求', en: 'Required standings' },
  maxApplicationsPerPrincipalPerYear: { zh: '负责人每年申报上限', en: 'Applications per principal per year' },
  maxRunningProjectsPerPrincipal: { zh: '负责人在研项目上限', en: 'Running projects per principal' },
  maxRequestFen: { zh: '单项申请财政资金上限', en: 'Maximum request' },
  maxExcludedExperts: { zh: '申请回避专家上限', en: 'Excluded experts allowed' },
  checklist: { zh: '形式审查清单', en: 'Formal-check checklist' },
  publicityWorkingDays: { zh: '公示工作日数', en: 'Publicity working days' },
  content: { zh: '申报书', en: 'Application' },
  summary: { zh: '项目简介', en: 'Summary' },
  startOn: { zh: '项目开始日期', en: 'Start date' },
  endOn: { zh: '项目结束日期', en: 'End date' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  workloadMonths: { zh: '投入工作量（人月）', en: 'Workload (person-months)' },
  fiscalFen: { zh: '申请财政资金', en: 'District funding' },
  selfRaisedFen: { zh: '自筹资金', en: 'Self-raised' },
  otherFen: { zh: '其他资金', en: 'Other' },
  dueOn: { zh: '完成日期', en: 'Due date' },
  description: { zh: '内容', en: 'Description' },
  value: { zh: '指标值', en: 'Value' },
  item: { zh: '审查项', en: 'Item' },
  passed: { zh: '是否符合', en: 'Passed' },
  note: { zh: '说明', en: 'Note' },
  grantedFen: { zh: '上级立项资助金额', en: 'Amount granted upstream' },
  talentProgrammeCode: { zh: '对应人才计划', en: 'Talent programme' },
  talentBundle: { zh: '平台+项目+人才', en: 'Platform, project and talent' },
  talentId: { zh: '申报人才', en: 'Talent' },
  platformId: { zh: '依托平台', en: 'Platform' },
  projectId: { zh: '依托项目', en: 'Project' },
};

const idSchema = z.number().int().positive().max(2_147_483_647);
const fenSchema = z.number().int().min(0).max(100_000_000_000);
const instantSchema = z.iso.datetime({ offset: true });

export const planCategoryInputSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/),
  name: textSchema(60),
  fundingMode: fundingModeSchema,
  level: planLevelSchema,
  active: z.boolean().default(true),
  /** The talent programme (`talent_programmes.code`) the category's calls run, e.g. `district-leading`. */
  talentProgrammeCode: z
    .string()
    .trim()
    .max(40)
    .regex(/^[a-z0-9-]+$/)
    .nullable()
    .default(null),
});
export type PlanCategoryInput = z.infer<typeof planCategoryInputSchema>;
export const planCategoryUpdateSchema = planCategoryInputSchema.extend({ version: versionSchema });

export const planCategorySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  fundingMode: fundingModeSchema,
  level: planLevelSchema,
  active: z.boolean(),
  talentProgrammeCode: z.string().nullable(),
  version: z.number().int(),
});
export type PlanCategory = z.infer<typeof planCategorySchema>;

const callFields = {
  categoryId: idSchema,
  year: z.number().int().min(2017).max(2100),
  title: textSchema(120),
  guideline: z.string().trim().max(20_000).default(''),
  opensAt: instantSchema,
  closesAt: instantSchema,
  districtReviewDeadline: instantSchema.nullable().default(null),
  budgetFen: fenSchema.nullable().default(null),
  allowResubmission: z.boolean().default(true),
  rules: callRulesSchema.default(callRulesSchema.parse({})),
  checklist: z.array(z.string().trim().min(1).max(100)).max(30).default([]),
  publicityWorkingDays: z.number().int().min(1).max(30).default(7),
};

function refineCallTimes(
  value: { opensAt: string; closesAt: string; districtReviewDeadline: string | null },
  context: z.RefinementCtx,
) {
  if (Date.parse(value.closesAt) <= Date.parse(value.opensAt))
    context.addIssue({
      code: 'custom',
      path: ['closesAt'],
      params: { key: 'call.closesBeforeOpen' },
      input: value.closesAt,
    });
  if (value.districtReviewDeadline && Date.parse(value.districtReviewDeadline) <= Date.parse(value.closesAt))
    context.addIssue({
      code: 'custom',
      path: ['districtReviewDeadline'],
      params: { key: 'call.reviewBeforeClose' },
      input: value.districtReviewDeadline,
    });
}

export const planCallInputSchema = z.strictObject(callFields).superRefine(refineCallTimes);
export type PlanCallInput = z.infer<typeof planCallInputSchema>;
export const planCallUpdateSchema = z
  .strictObject({ ...callFields, version: versionSchema })
  .superRefine(refineCallTimes);
export type PlanCallUpdate = z.infer<typeof planCallUpdateSchema>;

export const storedFileInfoSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
});
export type StoredFileInfo = z.infer<typeof storedFileInfoSchema>;

export const planCallSchema = z.object({
  id: z.number().int(),
  categoryId: z.number().int(),
  categoryName: z.string(),
  level: planLevelSchema,
  fundingMode: fundingModeSchema,
  /** Set when the call runs a talent programme: applications carry "平台+项目+人才". */
  talentProgrammeCode: z.string().nullable(),
  year: z.number().int(),
  title: z.string(),
  status: z.enum(PLAN_CALL_STATUSES),
  guideline: z.string(),
  guidelineFile: storedFileInfoSchema.nullable(),
  opensAt: z.string(),
  closesAt: z.string(),
  districtReviewDeadline: z.string().nullable(),
  budgetFen: z.number().int().nullable(),
  allowResubmission: z.boolean(),
  rules: callRulesSchema,
  checklist: z.array(z.string()),
  publicityWorkingDays: z.number().int(),
  publishedAt: z.string().nullable(),
  /** Open for applications now: published and within the window. */
  isOpen: z.boolean(),
  version: z.number().int(),
  allowedActions: z.array(z.string()),
});
export type PlanCall = z.infer<typeof planCallSchema>;

export const planCallListQuerySchema = listQuerySchema(['year', 'closesAt', 'updatedAt'] as const).extend({
  year: z.coerce.number().int().min(2017).max(2100).optional(),
  status: z.enum(PLAN_CALL_STATUSES).optional(),
  categoryId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** Only calls open for applications now. */
  open: z.enum(['true', 'false']).optional(),
});
export type PlanCallListQuery = z.infer<typeof planCallListQuerySchema>;
export const planCallPageSchema = pageSchema(planCallSchema);

export const planCallActionParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  action: z.enum(PLAN_CALL_ACTIONS),
});

/** A call as the public portal shows it. */
export const publicPlanCallSchema = planCallSchema.pick({
  id: true,
  categoryName: true,
  level: true,
  year: true,
  title: true,
  guideline: true,
  guidelineFile: true,
  opensAt: true,
  closesAt: true,
  isOpen: true,
});
export const publicPlanCallListSchema = z.object({ items: z.array(publicPlanCallSchema) });

// 申报书

export const applicationCreateSchema = z.strictObject({ callId: idSchema });
export const applicationSaveSchema = z.strictObject({
  version: versionSchema,
  content: applicationContentSchema,
});
export type ApplicationSave = z.infer<typeof applicationSaveSchema>;
export const applicationSubmitSchema = z.strictObject({ version: versionSchema });

/** Actions of this module on an application (review and approval are fired elsewhere). */
export const APPLICATION_DESK_ACTIONS = [
  'reopen',
  'withdraw',
  'returnForCorrection',
  'passCheck',
  'startReview',
  'reject',
  'recommend',
  'recordGranted',
  'recordNotGranted',
] as const;
export const applicationActionParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  action: z.enum(APPLICATION_DESK_ACTIONS),
});
export const checklistResultSchema = z.strictObject({
  item: z.string().trim().min(1).max(100),
  passed: z.boolean(),
  note: z.string().trim().max(500).default(''),
});
export type ChecklistResult = z.infer<typeof checklistResultSchema>;
export const applicationActionBodySchema = z.strictObject({
  version: versionSchema,
  comment: z.string().trim().max(2000).optional(),
  /** 形式审查 results, one per checklist item, with returnForCorrection / passCheck / reject. */
  checklist: z.array(checklistResultSchema).max(30).optional(),
  /** With recordGranted: the amount granted upstream. */
  grantedFen: fenSchema.optional(),
});
export type ApplicationActionBody = z.infer<typeof applicationActionBodySchema>;

const issueSchema = z.object({ path: z.string(), message: z.object({ zh: z.string(), en: z.string() }) });
export const submissionCheckSchema = z.object({
  errors: z.array(issueSchema),
  warnings: z.array(issueSchema),
});

export const applicationSummarySchema = z.object({
  id: z.number().int(),
  callId: z.number().int(),
  callTitle: z.string(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  year: z.number().int(),
  status: z.enum(PROJECT_APPLICATION_STATUSES),
  applicationNo: z.string().nullable(),
  title: z.string(),
  principalName: z.string().nullable(),
  /** Masked: `370811********1234`. */
  principalIdNumber: z.string().nullable(),
  requestedFen: z.number().int(),
  upstreamGrantedFen: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;

export const formalCheckRecordSchema = z.object({
  id: z.number().int(),
  action: z.string(),
  results: z.array(z.object({ item: z.string(), passed: z.boolean(), note: z.string() })),
  comment: z.string().nullable(),
  checkedBy: z.string(),
  createdAt: z.string(),
});

export const applicationDetailSchema = z.object({
  application: applicationSummarySchema,
  content: applicationContentSchema,
  call: planCallSchema,
  attachments: z.array(storedFileInfoSchema),
  formalChecks: z.array(formalCheckRecordSchema),
  allowedActions: z.array(z.string()),
  history: z.array(historyEntrySchema),
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

export const applicationReceiptSchema = z.object({
  applicationId: z.number().int(),
  applicationNo: z.string(),
  submittedAt: z.string(),
  callTitle: z.string(),
  enterpriseName: z.string(),
  title: z.string(),
  requestedFen: z.number().int(),
  warnings: z.array(issueSchema),
  version: z.number().int(),
});
export type ApplicationReceipt = z.infer<typeof applicationReceiptSchema>;

export const applicationListQuerySchema = listQuerySchema([
  'submittedAt',
  'updatedAt',
  'requestedFen',
] as const).extend({
  callId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  status: z.enum(PROJECT_APPLICATION_STATUSES).optional(),
  year: z.coerce.number().int().min(2017).max(2100).optional(),
  keyword: z.string().trim().max(100).optional(),
});
export type ApplicationListQuery = z.infer<typeof applicationListQuerySchema>;
export const applicationPageSchema = pageSchema(applicationSummarySchema).extend({
  /** Applications per status within the same filters except the status. */
  statusCounts: z.record(z.string(), z.number().int()),
});
export type ApplicationPage = z.infer<typeof applicationPageSchema>;
