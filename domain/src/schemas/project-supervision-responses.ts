import { z } from 'zod';
import { PLAN_PROJECT_STATUSES } from '../workflows/plan-project';
import { PROJECT_CHANGE_STATUSES } from '../workflows/project-change';
import { PROGRESS_REPORT_STATUSES } from '../workflows/project-progress-report';
import { pageSchema } from './common';
import { ACCEPTANCE_ACTIONS } from './project-supervision';
import { historyEntrySchema } from './workflow';

/** The answers of the supervision routes: projects, reports, changes, final reports and decisions. */

const textPair = z.object({ zh: z.string(), en: z.string() });

export const supervisionFileSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  size: z.number(),
});
export type SupervisionFile = z.infer<typeof supervisionFileSchema>;

export const progressReportSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectNo: z.string(),
  projectTitle: z.string(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  periodNo: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueOn: z.string(),
  status: z.enum(PROGRESS_REPORT_STATUSES),
  isOverdue: z.boolean(),
  progress: z.array(z.object({ item: z.string(), progress: z.string(), note: z.string() })),
  spentFen: z.number().nullable(),
  issues: z.string(),
  nextPlan: z.string(),
  attachments: z.array(supervisionFileSchema),
  submittedAt: z.string().nullable(),
  reviewOpinion: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  lastRemindedAt: z.string().nullable(),
  version: z.number().int(),
  allowedActions: z.array(z.string()),
});
export type ProgressReport = z.infer<typeof progressReportSchema>;

export const progressReportDetailSchema = z.object({
  report: progressReportSchema,
  history: z.array(historyEntrySchema),
});
export type ProgressReportDetail = z.infer<typeof progressReportDetailSchema>;

export const midTermCheckSchema = z.object({
  id: z.number().int(),
  checkedOn: z.string(),
  method: z.enum(['document', 'site', 'both']),
  result: z.enum(['good', 'qualified', 'needsRectification', 'unqualified']),
  opinion: z.string(),
  recordedByName: z.string(),
  version: z.number().int(),
});
export type MidTermCheck = z.infer<typeof midTermCheckSchema>;

export const changeRequestSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectNo: z.string(),
  projectTitle: z.string(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  kind: z.enum(['principal', 'members', 'budget', 'extension']),
  status: z.enum(PROJECT_CHANGE_STATUSES),
  reason: z.string(),
  /** What is asked for, by kind: principalName (ID masked), members, budget rows, newEndOn. */
  details: z.record(z.string(), z.unknown()),
  attachments: z.array(supervisionFileSchema),
  decisionOpinion: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  allowedActions: z.array(z.string()),
});
export type ChangeRequest = z.infer<typeof changeRequestSchema>;

export const changeRequestDetailSchema = z.object({
  change: changeRequestSchema,
  history: z.array(historyEntrySchema),
});
export type ChangeRequestDetail = z.infer<typeof changeRequestDetailSchema>;

export const finalReportSchema = z.object({
  id: z.number().int(),
  round: z.number().int(),
  summary: z.string(),
  targets: z.array(
    z.object({
      index: z.number().int(),
      name: z.string(),
      unit: z.string(),
      value: z.string(),
      achieved: z.string(),
      completion: z.enum(['yes', 'partly', 'no']),
      note: z.string(),
    }),
  ),
  financial: z.array(z.object({ category: z.string(), budgetFen: z.number(), spentFen: z.number() })),
  completionRate: z.number().nullable(),
  attachments: z.array(supervisionFileSchema),
  submittedAt: z.string(),
});
export type FinalReport = z.infer<typeof finalReportSchema>;

export const acceptanceDecisionSchema = z.object({
  id: z.number().int(),
  action: z.enum(ACCEPTANCE_ACTIONS),
  opinion: z.string(),
  rectificationDueOn: z.string().nullable(),
  decidedByName: z.string(),
  decidedAt: z.string(),
});
export type AcceptanceDecision = z.infer<typeof acceptanceDecisionSchema>;

export const fundRecoverySchema = z.object({
  id: z.number().int(),
  kind: z.enum(['terminate', 'revoke']),
  amountFen: z.number(),
  reason: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type FundRecovery = z.infer<typeof fundRecoverySchema>;

export const supervisionProjectSchema = z.object({
  id: z.number().int(),
  projectNo: z.string(),
  title: z.string(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  year: z.number().int(),
  status: z.enum(PLAN_PROJECT_STATUSES),
  principalName: z.string().nullable(),
  approvedFen: z.number(),
  startOn: z.string(),
  endOn: z.string(),
  extendedEndOn: z.string().nullable(),
  acceptanceOutcome: z.string().nullable(),
  /** What the enterprise has to do next and by when, if anything. */
  nextDue: z
    .object({ kind: z.enum(['report', 'finalReport', 'rectification']), dueOn: z.string() })
    .nullable(),
  overdueReports: z.number().int(),
  pendingChanges: z.number().int(),
  version: z.number().int(),
});
export type SupervisionProject = z.infer<typeof supervisionProjectSchema>;

export const supervisionProjectPageSchema = pageSchema(supervisionProjectSchema).extend({
  statusCounts: z.record(z.string(), z.number().int()),
});
export type SupervisionProjectPage = z.infer<typeof supervisionProjectPageSchema>;

export const supervisionProjectDetailSchema = z.object({
  project: supervisionProjectSchema,
  principalIdNumber: z.string().nullable(),
  reportIntervalMonths: z.number().int(),
  reportKind: textPair,
  reports: z.array(progressReportSchema),
  midTermCheck: midTermCheckSchema.nullable(),
  changes: z.array(changeRequestSchema),
  members: z.array(
    z.object({
      name: z.string(),
      role: z.string(),
      title: z.string(),
      organisation: z.string(),
      workloadMonths: z.number(),
    }),
  ),
  budget: z.array(
    z.object({
      category: z.string(),
      fiscalFen: z.number(),
      selfRaisedFen: z.number(),
      otherFen: z.number(),
    }),
  ),
  targets: z.array(
    z.object({ index: z.number().int(), name: z.string(), unit: z.string(), value: z.string() }),
  ),
  milestones: z.array(z.object({ dueOn: z.string(), description: z.string() })),
  finalReports: z.array(finalReportSchema),
  acceptanceDecisions: z.array(acceptanceDecisionSchema),
  /** The 安阳 thresholds applied to the latest final report, as guidance. */
  acceptanceGuidance: z.object({
    completionRate: z.number().nullable(),
    suggestion: z.string().nullable(),
    text: textPair,
  }),
  rectificationUsed: z.boolean(),
  extensionUsed: z.boolean(),
  fundRecoveries: z.array(fundRecoverySchema),
  allowedActions: z.array(z.string()),
  history: z.array(historyEntrySchema),
});
export type SupervisionProjectDetail = z.infer<typeof supervisionProjectDetailSchema>;

export const overdueReportPageSchema = pageSchema(progressReportSchema);
export const remindResultSchema = z.object({ reminded: z.number().int() });
export const uploadedFileSchema = supervisionFileSchema;
