// Supervision of plan projects: progress reports, mid-term checks, changes, acceptance and recovered funds.
import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { businessColumns } from './columns';
import { enterprises, users } from './core';
import { planProjects } from './plans';

/** How often a project reports (执行情况报告), per project; absent means every 6 months. */
export const planProjectReportSchedules = pgTable('plan_project_report_schedules', {
  ...businessColumns,
  projectId: integer('project_id')
    .notNull()
    .unique()
    .references(() => planProjects.id),
  intervalMonths: integer('interval_months').notNull().default(6),
});

/** 执行情况报告: one per project and period, due on `due_on`, filed by the enterprise, reviewed by staff. */
export const planProjectProgressReports = pgTable(
  'plan_project_progress_reports',
  {
    ...businessColumns,
    projectId: integer('project_id')
      .notNull()
      .references(() => planProjects.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    periodNo: integer('period_no').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** Lifecycle `project-progress-report`: pending | submitted | accepted | returned. */
    status: text('status').notNull(),
    /** [{ item, progress, note }] per target or milestone. */
    progress: jsonb('progress').notNull().default([]),
    spentFen: bigint('spent_fen', { mode: 'number' }),
    issues: text('issues').notNull().default(''),
    nextPlan: text('next_plan').notNull().default(''),
    attachmentFileIds: jsonb('attachment_file_ids').notNull().default([]),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewOpinion: text('review_opinion'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** Claimed by the daily job before it tells anyone, so nobody is reminded twice. */
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('plan_project_progress_reports_period_key').on(table.projectId, table.periodNo),
    index('plan_project_progress_reports_due_idx').on(table.status, table.dueOn),
    index('plan_project_progress_reports_enterprise_idx').on(table.enterpriseId),
  ],
);

/** 中期检查: one record per project, with its result (良好/合格/需整改/不合格) and opinion. */
export const planProjectMidTermChecks = pgTable('plan_project_mid_term_checks', {
  ...businessColumns,
  projectId: integer('project_id')
    .notNull()
    .unique()
    .references(() => planProjects.id),
  checkedOn: date('checked_on', { mode: 'string' }).notNull(),
  /** document | site | both. */
  method: text('method').notNull(),
  /** good | qualified | needsRectification | unqualified. */
  result: text('result').notNull(),
  opinion: text('opinion').notNull(),
  recordedBy: integer('recorded_by').references(() => users.id),
  recordedByName: text('recorded_by_name').notNull(),
});

/** 变更申请: principal, members, budget or extension, with what is asked in `details`; lifecycle `project-change`. */
export const planProjectChanges = pgTable(
  'plan_project_changes',
  {
    ...businessColumns,
    projectId: integer('project_id')
      .notNull()
      .references(() => planProjects.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    reason: text('reason').notNull(),
    details: jsonb('details').notNull().default({}),
    attachmentFileIds: jsonb('attachment_file_ids').notNull().default([]),
    decisionOpinion: text('decision_opinion'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (table) => [
    index('plan_project_changes_project_idx').on(table.projectId),
    index('plan_project_changes_status_idx').on(table.status),
    // One extension per project, ever: a second one, even while the first waits, is refused by the database too.
    uniqueIndex('plan_project_changes_one_extension_key')
      .on(table.projectId)
      .where(sql`kind = 'extension' and status in ('submitted', 'approved')`),
  ],
);

/** 结题/验收报告: target-by-target completion and the financial statement; a new round after rectification. */
export const planProjectFinalReports = pgTable(
  'plan_project_final_reports',
  {
    ...businessColumns,
    projectId: integer('project_id')
      .notNull()
      .references(() => planProjects.id),
    round: integer('round').notNull(),
    summary: text('summary').notNull(),
    targets: jsonb('targets').notNull().default([]),
    financial: jsonb('financial').notNull().default([]),
    attachmentFileIds: jsonb('attachment_file_ids').notNull().default([]),
    submittedBy: integer('submitted_by').references(() => users.id),
  },
  (table) => [uniqueIndex('plan_project_final_reports_round_key').on(table.projectId, table.round)],
);

/** The acceptance panel's results, in order: 通过, 整改后复验 (with its deadline), 需要复议, 不通过, 结题. */
export const planProjectAcceptanceDecisions = pgTable(
  'plan_project_acceptance_decisions',
  {
    ...businessColumns,
    projectId: integer('project_id')
      .notNull()
      .references(() => planProjects.id),
    finalReportId: integer('final_report_id').references(() => planProjectFinalReports.id),
    action: text('action').notNull(),
    opinion: text('opinion').notNull(),
    rectificationDueOn: date('rectification_due_on', { mode: 'string' }),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedByName: text('decided_by_name').notNull(),
  },
  (table) => [
    index('plan_project_acceptance_decisions_project_idx').on(table.projectId),
    // 整改 is granted once per project.
    uniqueIndex('plan_project_acceptance_one_rectification_key')
      .on(table.projectId)
      .where(sql`action = 'requireRectification'`),
  ],
);

/** Money to come back at 终止 (unspent funds) or 撤销 (all funds), in 分. */
export const planProjectFundRecoveries = pgTable(
  'plan_project_fund_recoveries',
  {
    ...businessColumns,
    projectId: integer('project_id')
      .notNull()
      .references(() => planProjects.id),
    /** terminate | revoke. */
    kind: text('kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id),
    recordedByName: text('recorded_by_name').notNull(),
  },
  (table) => [index('plan_project_fund_recoveries_project_idx').on(table.projectId)],
);
