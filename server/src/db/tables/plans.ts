import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { businessColumns } from './columns';
import { enterprises, users } from './core';

/** Bytes of uploaded files, stored once per content hash; metadata and ownership live in `stored_files`. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const fileBlobs = pgTable('file_blobs', {
  sha256: text('sha256').primaryKey(),
  bytes: bytea('bytes').notNull(),
  size: integer('size').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An uploaded file: checked by content, size and name before it is stored; downloads follow `owner_enterprise_id`. */
export const storedFiles = pgTable(
  'stored_files',
  {
    ...businessColumns,
    sha256: text('sha256')
      .notNull()
      .references(() => fileBlobs.sha256),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    /** What the file is for, e.g. `application-attachment`, `call-guideline`, `signed-contract`. */
    purpose: text('purpose').notNull(),
    ownerEnterpriseId: integer('owner_enterprise_id').references(() => enterprises.id),
    uploadedBy: integer('uploaded_by').references(() => users.id),
  },
  (table) => [index('stored_files_owner_idx').on(table.ownerEnterpriseId)],
);

/** 计划类别: 重点研发计划, 科技型企业培育, 成果转化, 平台建设…, each with its funding mode and level. */
export const planCategories = pgTable(
  'plan_categories',
  {
    ...businessColumns,
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** `preFunding` 前资助 | `postSubsidy` 后补助 | `award` 奖励 | `loanInterest` 贷款贴息. */
    fundingMode: text('funding_mode').notNull(),
    /** Who owns calls of this category: `district`, or `city`/`province` (the district recommends). */
    level: text('level').notNull(),
    active: boolean('active').notNull().default(true),
    /** Set when the category's calls run a talent programme (`talent_programmes.code`): applications carry "平台+项目+人才". */
    talentProgrammeCode: text('talent_programme_code'),
  },
  (table) => [uniqueIndex('plan_categories_code_key').on(table.code)],
);

/** 申报通知/指南: one call per category and year, with its rules, form, windows and budget. */
export const planCalls = pgTable(
  'plan_calls',
  {
    ...businessColumns,
    categoryId: integer('category_id')
      .notNull()
      .references(() => planCategories.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** `draft` | `published` | `closed`: whether applicants and the portal see it. */
    status: text('status').notNull(),
    guideline: text('guideline').notNull().default(''),
    guidelineFileId: integer('guideline_file_id').references(() => storedFiles.id),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** The district's own review deadline after the applicants' one (for calls recommended upstream). */
    districtReviewDeadline: timestamp('district_review_deadline', { withTimezone: true }),
    budgetFen: bigint('budget_fen', { mode: 'number' }),
    allowResubmission: boolean('allow_resubmission').notNull().default(true),
    /** 申报条件 and 限项 rules as data, see domain `callRulesSchema`. */
    rules: jsonb('rules').notNull().default({}),
    /** 形式审查 checklist items. */
    checklist: jsonb('checklist').notNull().default([]),
    publicityWorkingDays: integer('publicity_working_days').notNull().default(7),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (table) => [index('plan_calls_category_year_idx').on(table.categoryId, table.year)],
);

/** 项目申报书: one enterprise's application to one call; `content` holds the form (domain `applicationContentSchema`). */
export const projectApplications = pgTable(
  'project_applications',
  {
    ...businessColumns,
    callId: integer('call_id')
      .notNull()
      .references(() => planCalls.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    /** Given at the first submission and kept after: e.g. `KJ2021-0012`. */
    applicationNo: text('application_no'),
    title: text('title').notNull().default(''),
    principalName: text('principal_name'),
    /**
     * The principal investigator's 身份证号, SM4-encrypted (core/pii); masked in every answer. The 限项
     * rules match on `principalIdDigest` (HMAC-SM3) without decrypting.
     */
    principalIdNumberCipher: text('principal_id_number'),
    principalIdDigest: text('principal_id_digest'),
    content: jsonb('content').notNull().default({}),
    requestedFen: bigint('requested_fen', { mode: 'number' }).notNull().default(0),
    /** Proposed then approved district funding; may differ from what was requested. */
    approvedFen: bigint('approved_fen', { mode: 'number' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewScore: integer('review_score'),
    reviewRank: integer('review_rank'),
    upstreamGrantedFen: bigint('upstream_granted_fen', { mode: 'number' }),
    decisionNote: text('decision_note'),
  },
  (table) => [
    uniqueIndex('project_applications_call_enterprise_key').on(table.callId, table.enterpriseId),
    uniqueIndex('project_applications_no_key').on(table.applicationNo),
    index('project_applications_status_idx').on(table.callId, table.status),
    index('project_applications_enterprise_idx').on(table.enterpriseId),
    index('project_applications_principal_digest_idx').on(table.principalIdDigest, table.year),
  ],
);

/** 立项项目: established from an application, carried through contract, execution and closure. */
export const planProjects = pgTable(
  'plan_projects',
  {
    ...businessColumns,
    applicationId: integer('application_id')
      .notNull()
      .references(() => projectApplications.id),
    callId: integer('call_id')
      .notNull()
      .references(() => planCalls.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    projectNo: text('project_no').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull(),
    principalName: text('principal_name'),
    /** SM4-encrypted as on the application, with its digest for the 限项 rules. */
    principalIdNumberCipher: text('principal_id_number'),
    principalIdDigest: text('principal_id_digest'),
    approvedFen: bigint('approved_fen', { mode: 'number' }).notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    /** Set once when the single allowed extension (≤ 1 year) is approved. */
    extendedEndOn: date('extended_end_on', { mode: 'string' }),
    establishedAt: timestamp('established_at', { withTimezone: true }).notNull().defaultNow(),
    /** 验收 outcome once decided: passed | passedAfterRectification | needsReconsideration | closedWithoutPass | failed. */
    acceptanceOutcome: text('acceptance_outcome'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('plan_projects_application_key').on(table.applicationId),
    uniqueIndex('plan_projects_no_key').on(table.projectNo),
    index('plan_projects_enterprise_idx').on(table.enterpriseId),
    index('plan_projects_status_idx').on(table.status),
    index('plan_projects_principal_digest_idx').on(table.principalIdDigest),
  ],
);

/** 立项公示: one notice per batch of approved applications of a call, over working days of the calendar. */
export const publicityNotices = pgTable(
  'publicity_notices',
  {
    ...businessColumns,
    callId: integer('call_id')
      .notNull()
      .references(() => planCalls.id),
    title: text('title').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    workingDays: integer('working_days').notNull(),
    /** Set when the projects of the notice were established (立项下达). */
    establishedAt: timestamp('established_at', { withTimezone: true }),
    /** Set once staff were told the period has ended and the projects may be established. */
    endedReminderSentAt: timestamp('ended_reminder_sent_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id),
  },
  (table) => [index('publicity_notices_call_idx').on(table.callId)],
);

/** The projects a 公示 lists, with the amount as published (kept even if later cancelled). */
export const publicityNoticeItems = pgTable(
  'publicity_notice_items',
  {
    id: serial('id').primaryKey(),
    noticeId: integer('notice_id')
      .notNull()
      .references(() => publicityNotices.id),
    applicationId: integer('application_id')
      .notNull()
      .references(() => projectApplications.id),
    enterpriseName: text('enterprise_name').notNull(),
    title: text('title').notNull(),
    approvedFen: bigint('approved_fen', { mode: 'number' }).notNull(),
  },
  (table) => [uniqueIndex('publicity_notice_items_application_key').on(table.applicationId)],
);

/** 异议: received by staff during a 公示 (source, content, contact) and resolved as upheld or dismissed. */
export const publicityObjections = pgTable(
  'publicity_objections',
  {
    ...businessColumns,
    noticeId: integer('notice_id')
      .notNull()
      .references(() => publicityNotices.id),
    applicationId: integer('application_id')
      .notNull()
      .references(() => projectApplications.id),
    source: text('source').notNull(),
    content: text('content').notNull(),
    contact: text('contact').notNull().default(''),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** `upheld` (the project is cancelled) | `dismissed`; null while open. */
    resolution: text('resolution'),
    resolutionNote: text('resolution_note'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: integer('resolved_by').references(() => users.id),
  },
  (table) => [index('publicity_objections_notice_idx').on(table.noticeId)],
);

/** 任务书: one per project, generated from the application, revised, signed and in force. */
export const taskContracts = pgTable(
  'task_contracts',
  {
    ...businessColumns,
    planProjectId: integer('plan_project_id')
      .notNull()
      .references(() => planProjects.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    status: text('status').notNull(),
    /** domain `taskContractContentSchema`. */
    content: jsonb('content').notNull(),
    revision: integer('revision').notNull().default(1),
    signedFileId: integer('signed_file_id').references(() => storedFiles.id),
    inForceAt: timestamp('in_force_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('task_contracts_project_key').on(table.planProjectId)],
);

/** 拨付计划: the installments planned for a project (their sum within the approved amount). */
export const disbursementPlans = pgTable(
  'disbursement_plans',
  {
    ...businessColumns,
    planProjectId: integer('plan_project_id')
      .notNull()
      .references(() => planProjects.id),
    installments: jsonb('installments')
      .$type<{ plannedOn: string; amountFen: number; note: string }[]>()
      .notNull(),
  },
  (table) => [uniqueIndex('disbursement_plans_project_key').on(table.planProjectId)],
);

/** 经费拨付: one payment to a project, recorded by staff. */
export const projectPayments = pgTable(
  'project_payments',
  {
    ...businessColumns,
    planProjectId: integer('plan_project_id')
      .notNull()
      .references(() => planProjects.id),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    voucherNo: text('voucher_no').notNull(),
    note: text('note').notNull().default(''),
  },
  (table) => [
    index('project_payments_project_idx').on(table.planProjectId),
    index('project_payments_paid_idx').on(table.paidOn),
  ],
);

/** 研发补助, 小升高 rewards and other awards paid to enterprises outside projects. */
export const fundAwards = pgTable(
  'fund_awards',
  {
    ...businessColumns,
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    year: integer('year').notNull(),
    /** `rdSubsidy` | `upgradeReward` | `otherAward`. */
    kind: text('kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    documentNo: text('document_no').notNull(),
    grantedOn: date('granted_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
  },
  (table) => [
    index('fund_awards_year_idx').on(table.year),
    index('fund_awards_enterprise_idx').on(table.enterpriseId),
  ],
);

/** 风险补偿: the district's compensation to a bank for a loan to a tech enterprise. */
export const riskCompensations = pgTable(
  'risk_compensations',
  {
    ...businessColumns,
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    bankName: text('bank_name').notNull(),
    loanFen: bigint('loan_fen', { mode: 'number' }).notNull(),
    compensationFen: bigint('compensation_fen', { mode: 'number' }).notNull(),
    compensatedOn: date('compensated_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
  },
  (table) => [
    index('risk_compensations_date_idx').on(table.compensatedOn),
    index('risk_compensations_enterprise_idx').on(table.enterpriseId),
  ],
);

/** 形式审查 records: the checklist results of each check of an application, kept as its history. */
export const applicationFormalChecks = pgTable(
  'application_formal_checks',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => projectApplications.id),
    /** The workflow action it went with: `returnForCorrection`, `passCheck` or `reject`. */
    action: text('action').notNull(),
    results: jsonb('results').notNull().default([]),
    comment: text('comment'),
    checkedBy: integer('checked_by').references(() => users.id),
    checkedByName: text('checked_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('application_formal_checks_application_idx').on(table.applicationId)],
);
