import { z } from 'zod';
import type { FieldLabels } from '../i18n';
import { PROJECT_APPLICATION_STATUSES } from '../workflows/project-application';
import { dateSchema, textSchema, versionSchema } from './common';

const idSchema = z.number().int().positive().max(2_147_483_647);
export const fenSchema = z.number().int().min(0).max(100_000_000_000);

export const PLAN_APPROVAL_FIELD_LABELS: FieldLabels = {
  items: { zh: '项目清单', en: 'Projects' },
  applicationId: { zh: '申报项目', en: 'Application' },
  approvedFen: { zh: '拟资助金额', en: 'Approved amount' },
  source: { zh: '异议来源', en: 'Source' },
  content: { zh: '异议内容', en: 'Objection' },
  contact: { zh: '联系方式', en: 'Contact' },
  receivedOn: { zh: '收到日期', en: 'Received on' },
  resolution: { zh: '处理结果', en: 'Resolution' },
  note: { zh: '处理说明', en: 'Note' },
};

/** Bulk actions on a call's applications: all of them, or none, in one transaction. */
export const APPROVAL_BULK_ACTIONS = ['propose', 'decline', 'approve', 'sendBack'] as const;
export type ApprovalBulkAction = (typeof APPROVAL_BULK_ACTIONS)[number];

export const approvalBulkParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  action: z.enum(APPROVAL_BULK_ACTIONS),
});

export const approvalBulkBodySchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        applicationId: idSchema,
        version: versionSchema,
        /** Required for `propose`: the district funding proposed, in 分. */
        approvedFen: fenSchema.optional(),
      }),
    )
    .min(1)
    .max(500),
  comment: z.string().trim().max(2000).optional(),
});
export type ApprovalBulkBody = z.infer<typeof approvalBulkBodySchema>;

export const startPublicityBodySchema = z.strictObject({
  items: z
    .array(z.strictObject({ applicationId: idSchema, version: versionSchema }))
    .min(1)
    .max(500),
  title: z.string().trim().max(200).optional(),
});
export type StartPublicityBody = z.infer<typeof startPublicityBodySchema>;

export const approvalApplicationSchema = z.object({
  id: z.number().int(),
  applicationNo: z.string().nullable(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  title: z.string(),
  status: z.enum(PROJECT_APPLICATION_STATUSES),
  requestedFen: z.number().int(),
  approvedFen: z.number().int().nullable(),
  reviewScore: z.number().int().nullable(),
  reviewRank: z.number().int().nullable(),
  decisionNote: z.string().nullable(),
  version: z.number().int(),
  allowedActions: z.array(z.string()),
});
export type ApprovalApplication = z.infer<typeof approvalApplicationSchema>;

export const approvalCallSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  year: z.number().int(),
  categoryName: z.string(),
  budgetFen: z.number().int().nullable(),
  publicityWorkingDays: z.number().int(),
  /** Money held by applications proposed, approved, in 公示 or established. */
  usedFen: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
});
export type ApprovalCall = z.infer<typeof approvalCallSchema>;

export const approvalCallDetailSchema = z.object({
  call: approvalCallSchema,
  applications: z.array(approvalApplicationSchema),
  notices: z.array(
    z.object({ id: z.number().int(), title: z.string(), startOn: z.string(), endOn: z.string() }),
  ),
});
export type ApprovalCallDetail = z.infer<typeof approvalCallDetailSchema>;

export const OBJECTION_RESOLUTIONS = ['upheld', 'dismissed'] as const;

export const objectionCreateSchema = z.strictObject({
  applicationId: idSchema,
  source: textSchema(100),
  content: textSchema(2000),
  contact: z.string().trim().max(100).default(''),
  receivedOn: dateSchema,
});
export type ObjectionCreate = z.infer<typeof objectionCreateSchema>;

export const objectionResolveSchema = z.strictObject({
  version: versionSchema,
  resolution: z.enum(OBJECTION_RESOLUTIONS),
  note: textSchema(2000),
});
export type ObjectionResolve = z.infer<typeof objectionResolveSchema>;

export const objectionSchema = z.object({
  id: z.number().int(),
  noticeId: z.number().int(),
  applicationId: z.number().int(),
  projectTitle: z.string(),
  source: z.string(),
  content: z.string(),
  contact: z.string(),
  receivedOn: z.string(),
  resolution: z.enum(OBJECTION_RESOLUTIONS).nullable(),
  resolutionNote: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Objection = z.infer<typeof objectionSchema>;

export const publicityItemSchema = z.object({
  applicationId: z.number().int(),
  enterpriseName: z.string(),
  title: z.string(),
  approvedFen: z.number().int(),
});

export const publicNoticeSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  callTitle: z.string(),
  year: z.number().int(),
  startOn: z.string(),
  endOn: z.string(),
  isCurrent: z.boolean(),
  items: z.array(publicityItemSchema),
});
export type PublicNotice = z.infer<typeof publicNoticeSchema>;

export const publicityNoticeDetailSchema = publicNoticeSchema.extend({
  callId: z.number().int(),
  workingDays: z.number().int(),
  establishedAt: z.string().nullable(),
  version: z.number().int(),
  items: z.array(
    publicityItemSchema.extend({ status: z.enum(PROJECT_APPLICATION_STATUSES), version: z.number().int() }),
  ),
  objections: z.array(objectionSchema),
  /** Why establishing is not possible yet, or null when it is. */
  establishBlocker: z.string().nullable(),
});
export type PublicityNoticeDetail = z.infer<typeof publicityNoticeDetailSchema>;

export const establishBodySchema = z.strictObject({ version: versionSchema });
