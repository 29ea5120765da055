import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
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

/** `id`, `created_at`, `updated_at`, `version` on every business table; `version` drives 409 on stale writes. */
const businessColumns = {
  id: serial('id').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
};

export const enterprises = pgTable(
  'enterprises',
  {
    ...businessColumns,
    creditCode: text('credit_code').notNull(),
    name: text('name').notNull(),
    status: text('status').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactEmail: text('contact_email'),
    industry: text('industry'),
    street: text('street'),
    address: text('address'),
    foundedOn: date('founded_on', { mode: 'string' }),
    size: text('size'),
    legalRepresentative: text('legal_representative'),
    registeredCapitalFen: bigint('registered_capital_fen', { mode: 'number' }),
    businessScope: text('business_scope'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('enterprises_credit_code_key').on(table.creditCode),
    index('enterprises_status_idx').on(table.status),
    index('enterprises_created_at_idx').on(table.createdAt),
  ],
);

export const users = pgTable(
  'users',
  {
    ...businessColumns,
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    isDisabled: boolean('is_disabled').notNull().default(false),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('users_username_key').on(sql`lower(${table.username})`),
    index('users_enterprise_idx').on(table.enterpriseId),
  ],
);

/** Sessions live in the database so that any app instance can serve any user. The id is a hash of the cookie. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

export const workflowHistory = pgTable(
  'workflow_history',
  {
    id: serial('id').primaryKey(),
    workflow: text('workflow').notNull(),
    objectId: integer('object_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('workflow_history_object_idx').on(table.workflow, table.objectId)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('notifications_user_idx').on(table.userId, table.createdAt)],
);

/**
 * Append-only audit trail. Rows are inserted inside the business transaction without a hash;
 * the sealer then chains them (SM3) in `chain_index` order, so no write waits on a global lock.
 * A trigger (see the custom migration) refuses UPDATE of sealed rows and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    ip: text('ip'),
    event: text('event').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    result: text('result').notNull(),
    requestId: text('request_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    chainIndex: bigint('chain_index', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (table) => [
    uniqueIndex('audit_log_chain_index_key').on(table.chainIndex),
    index('audit_log_occurred_at_idx').on(table.occurredAt),
    index('audit_log_unsealed_idx').on(table.id).where(sql`${table.hash} is null`),
  ],
);

export const settings = pgTable(
  'settings',
  {
    ...businessColumns,
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
  },
  (table) => [uniqueIndex('settings_key_key').on(table.key)],
);

export const workCalendars = pgTable(
  'work_calendars',
  {
    ...businessColumns,
    year: integer('year').notNull(),
    holidays: jsonb('holidays').$type<string[]>().notNull(),
    workdays: jsonb('workdays').$type<string[]>().notNull(),
  },
  (table) => [uniqueIndex('work_calendars_year_key').on(table.year)],
);

/** Stored responses of create/submit requests sent with an Idempotency-Key. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: serial('id').primaryKey(),
    scopeKey: text('scope_key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('idempotency_keys_scope_key').on(table.scopeKey)],
);

/** An Excel import: validated row by row, applied all-or-nothing, progress polled by the page. */
export const importJobs = pgTable(
  'import_jobs',
  {
    ...businessColumns,
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    fileName: text('file_name').notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    errors: jsonb('errors')
      .$type<{ row: number; column: string | null; message: string }[]>()
      .notNull()
      .default([]),
    result: jsonb('result').$type<{ created: number; updated: number } | null>(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (table) => [index('import_jobs_created_by_idx').on(table.createdBy, table.createdAt)],
);

/** One enterprise's figures for one year; corrections bump `version` and are audited with before/after. */
export const enterpriseYearFigures = pgTable(
  'enterprise_year_figures',
  {
    ...businessColumns,
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    year: integer('year').notNull(),
    employees: integer('employees').notNull(),
    sciTechStaff: integer('sci_tech_staff').notNull(),
    revenueFen: bigint('revenue_fen', { mode: 'number' }).notNull(),
    costFen: bigint('cost_fen', { mode: 'number' }).notNull(),
    totalAssetsFen: bigint('total_assets_fen', { mode: 'number' }).notNull(),
    netAssetsFen: bigint('net_assets_fen', { mode: 'number' }).notNull(),
    liabilitiesFen: bigint('liabilities_fen', { mode: 'number' }).notNull(),
    rdExpenseFen: bigint('rd_expense_fen', { mode: 'number' }).notNull(),
    rdExpenseDomesticFen: bigint('rd_expense_domestic_fen', { mode: 'number' }).notNull(),
    highTechRevenueFen: bigint('high_tech_revenue_fen', { mode: 'number' }).notNull(),
    ipClass1Count: integer('ip_class1_count').notNull(),
    ipClass2Count: integer('ip_class2_count').notNull(),
    ipSelfDevelopedCount: integer('ip_self_developed_count').notNull(),
    conversionsCount: integer('conversions_count').notNull(),
    industrialOutputFen: bigint('industrial_output_fen', { mode: 'number' }).notNull(),
    isAboveDesignatedSize: boolean('is_above_designated_size').notNull(),
    /** Who entered the figures: the enterprise itself, bureau staff, or an import. */
    source: text('source').notNull(),
  },
  (table) => [
    uniqueIndex('enterprise_year_figures_key').on(table.enterpriseId, table.year),
    index('enterprise_year_figures_year_idx').on(table.year),
  ],
);

/** 高企 recognition batches of a year. */
export const hteBatches = pgTable(
  'hte_batches',
  {
    ...businessColumns,
    year: integer('year').notNull(),
    name: text('name').notNull(),
    submissionDeadline: date('submission_deadline', { mode: 'string' }).notNull(),
  },
  (table) => [uniqueIndex('hte_batches_year_name_key').on(table.year, table.name)],
);

/** One enterprise's 高企 application in one year, tracked through the hte-application lifecycle. */
export const hteApplications = pgTable(
  'hte_applications',
  {
    ...businessColumns,
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => hteBatches.id),
    year: integer('year').notNull(),
    status: text('status').notNull(),
  },
  (table) => [
    uniqueIndex('hte_applications_enterprise_year_key').on(table.enterpriseId, table.year),
    index('hte_applications_batch_idx').on(table.batchId),
  ],
);

/** The 一对一 helper team of an application: bureau staff, one of them leading. */
export const hteHelpers = pgTable(
  'hte_helpers',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => hteApplications.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    isLead: boolean('is_lead').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('hte_helpers_application_user_key').on(table.applicationId, table.userId)],
);

/** What the helper team did for the enterprise: visits, calls, advice, documents. */
export const hteServiceRecords = pgTable(
  'hte_service_records',
  {
    ...businessColumns,
    applicationId: integer('application_id')
      .notNull()
      .references(() => hteApplications.id),
    kind: text('kind').notNull(),
    happenedOn: date('happened_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (table) => [index('hte_service_records_application_idx').on(table.applicationId)],
);

/** 科技型中小企业 入库登记: one registration number per enterprise per year (valid for that year). */
export const techSmeRegistrations = pgTable(
  'tech_sme_registrations',
  {
    ...businessColumns,
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    year: integer('year').notNull(),
    registrationNumber: text('registration_number').notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
  },
  (table) => [
    uniqueIndex('tech_sme_registrations_enterprise_year_key').on(table.enterpriseId, table.year),
    uniqueIndex('tech_sme_registrations_number_key').on(table.registrationNumber),
    index('tech_sme_registrations_year_idx').on(table.year),
  ],
);

/** 高企培育库: one entry per enterprise per year, moved by the `cultivation-pool` lifecycle. */
export const cultivationPoolEntries = pgTable(
  'cultivation_pool_entries',
  {
    ...businessColumns,
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    reason: text('reason').notNull(),
    decisionOpinion: text('decision_opinion'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The rule pre-check as it stood when staff decided. */
    decisionPrecheck: jsonb('decision_precheck'),
  },
  (table) => [
    uniqueIndex('cultivation_pool_entries_enterprise_year_key').on(table.enterpriseId, table.year),
    index('cultivation_pool_entries_status_idx').on(table.status, table.year),
  ],
);

/** 国家高新技术企业 certificates; validity is computed from `expires_on`, never stored as a status. */
export const highTechCertificates = pgTable(
  'high_tech_certificates',
  {
    ...businessColumns,
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    certificateNumber: text('certificate_number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    /** Six months before expiry: from then on the certificate is `expiring` and its reminder is due. */
    remindOn: date('remind_on', { mode: 'string' }).notNull(),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('high_tech_certificates_number_key').on(table.certificateNumber),
    index('high_tech_certificates_enterprise_idx').on(table.enterpriseId),
    index('high_tech_certificates_expires_on_idx').on(table.expiresOn),
  ],
);

/** Local tiers (瞪羚, 专精特新, …) as labels staff configure. */
export const tierLabels = pgTable(
  'tier_labels',
  {
    ...businessColumns,
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    sortOrder: integer('sort_order').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
  },
  (table) => [uniqueIndex('tier_labels_code_key').on(table.code)],
);

/** An enterprise carrying a local tier in a year. */
export const enterpriseTiers = pgTable(
  'enterprise_tiers',
  {
    ...businessColumns,
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    tierLabelId: integer('tier_label_id')
      .notNull()
      .references(() => tierLabels.id),
    year: integer('year').notNull(),
  },
  (table) => [
    uniqueIndex('enterprise_tiers_key').on(table.enterpriseId, table.tierLabelId, table.year),
    index('enterprise_tiers_year_idx').on(table.year, table.tierLabelId),
  ],
);

/** One enterprise's output in one month (`YYYY-MM`), for the 高新技术产业 statistics. */
export const enterpriseMonthlyOutput = pgTable(
  'enterprise_monthly_output',
  {
    ...businessColumns,
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    period: text('period').notNull(),
    industrialOutputFen: bigint('industrial_output_fen', { mode: 'number' }).notNull(),
    highTechOutputFen: bigint('high_tech_output_fen', { mode: 'number' }).notNull(),
    isAboveDesignatedSize: boolean('is_above_designated_size').notNull(),
    /** Who entered the output: the enterprise itself, bureau staff, or an import. */
    source: text('source').notNull(),
  },
  (table) => [
    uniqueIndex('enterprise_monthly_output_key').on(table.enterpriseId, table.period),
    index('enterprise_monthly_output_period_idx').on(table.period),
  ],
);

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
    /** The principal investigator's 身份证号, for the 限项 rules; masked in every answer. */
    principalIdNumber: text('principal_id_number'),
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
    principalIdNumber: text('principal_id_number'),
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
  ],
);

/** 专家库: one expert, linked to the user account of role `expert` the expert signs in with. */
export const experts = pgTable(
  'experts',
  {
    ...businessColumns,
    userId: integer('user_id').references(() => users.id),
    name: text('name').notNull(),
    /** 身份证号 or another stable id, for conflicts by identity; never sent to the web. */
    personId: text('person_id'),
    title: text('title').notNull(),
    /** Codes from the industry and discipline dictionaries; the first is the main field. */
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    organisationName: text('organisation_name').notNull(),
    organisationCreditCode: text('organisation_credit_code'),
    affiliations: jsonb('affiliations')
      .$type<{ name: string; creditCode?: string | null }[]>()
      .notNull()
      .default([]),
    phone: text('phone').notNull(),
    email: text('email'),
    isAvailable: boolean('is_available').notNull().default(true),
    /** `pending` | `active` | `paused` | `removed` (domain `expertWorkflow`). */
    status: text('status').notNull(),
    relations: jsonb('relations').notNull().default([]),
    collaborations: jsonb('collaborations').notNull().default([]),
  },
  (table) => [uniqueIndex('experts_user_key').on(table.userId), index('experts_status_idx').on(table.status)],
);

/** 评审轮次: a rubric, panel size, load cap and deadline over a set of reviewable items. */
export const reviewRounds = pgTable(
  'review_rounds',
  {
    ...businessColumns,
    title: text('title').notNull(),
    /** What the items are: `project-application` now; 高企 pre-review or acceptance panels later. */
    subjectType: text('subject_type').notNull(),
    callId: integer('call_id').references(() => planCalls.id),
    /** `online` 网评 | `meeting` 会评 | `defence` 答辩. */
    mode: text('mode').notNull(),
    rubric: jsonb('rubric').notNull(),
    reviewersPerItem: integer('reviewers_per_item').notNull(),
    loadCap: integer('load_cap').notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    hideIdentities: boolean('hide_identities').notNull().default(true),
    commentBelow: integer('comment_below'),
    commentAbove: integer('comment_above'),
    /** `draft` | `released` | `finished` (domain `reviewRoundWorkflow`). */
    status: text('status').notNull(),
    /** The applied assignment: method, seed and generator, so a draw can be replayed in an audit. */
    assignmentMethod: text('assignment_method'),
    assignmentSeed: bigint('assignment_seed', { mode: 'number' }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id),
  },
  (table) => [index('review_rounds_call_idx').on(table.callId)],
);

/** One reviewable thing in a round, by subject type and id, with what conflicts and matching read. */
export const reviewItems = pgTable(
  'review_items',
  {
    ...businessColumns,
    roundId: integer('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    subjectType: text('subject_type').notNull(),
    subjectId: integer('subject_id').notNull(),
    title: text('title').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    /** Applicant, partners, PI, members and named exclusions at the time the round was built. */
    conflictSubject: jsonb('conflict_subject').notNull(),
    consensusOpinion: text('consensus_opinion'),
    resultScore: integer('result_score'),
    resultRank: integer('result_rank'),
    result: jsonb('result'),
  },
  (table) => [
    uniqueIndex('review_items_round_subject_key').on(table.roundId, table.subjectType, table.subjectId),
  ],
);

/** One expert on one item: invitation, answer, and the score sheet. */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    ...businessColumns,
    roundId: integer('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => reviewItems.id),
    expertId: integer('expert_id')
      .notNull()
      .references(() => experts.id),
    /** `invited` | `accepted` | `declined` | `conflict` | `submitted`. */
    status: text('status').notNull(),
    /** How the pair was made: `random` | `optimal` | `manual` | `replacement`. */
    source: text('source').notNull(),
    reason: text('reason'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    vote: text('vote'),
    comment: text('comment').notNull().default(''),
    savedAt: timestamp('saved_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Staff reopened this sheet: it may be saved and submitted after the deadline, until this time. */
    reopenedUntil: timestamp('reopened_until', { withTimezone: true }),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('review_assignments_item_expert_key').on(table.itemId, table.expertId),
    index('review_assignments_expert_idx').on(table.expertId),
    index('review_assignments_round_idx').on(table.roundId),
  ],
);

/** 回避: a staff override of one conflict type on one pair, or an expert's own declaration. */
export const reviewConflictDecisions = pgTable(
  'review_conflict_decisions',
  {
    ...businessColumns,
    roundId: integer('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => reviewItems.id),
    expertId: integer('expert_id')
      .notNull()
      .references(() => experts.id),
    /** `override` (staff lift one type) | `declaration` (the expert withdraws). */
    kind: text('kind').notNull(),
    conflictType: text('conflict_type').notNull(),
    reason: text('reason').notNull(),
    decidedBy: integer('decided_by').references(() => users.id),
  },
  (table) => [index('review_conflict_decisions_round_idx').on(table.roundId)],
);

/** A dry run of an assignment: progress polled, cancellable, applied all-or-nothing afterwards. */
export const reviewAssignmentJobs = pgTable(
  'review_assignment_jobs',
  {
    ...businessColumns,
    roundId: integer('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    method: text('method').notNull(),
    seed: bigint('seed', { mode: 'number' }),
    /** `running` | `done` | `infeasible` | `failed` | `cancelled` | `applied`. */
    status: text('status').notNull(),
    stage: text('stage'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    isCancelRequested: boolean('is_cancel_requested').notNull().default(false),
    /** The round's version when the run started: applying after a change is refused. */
    roundVersion: integer('round_version').notNull(),
    result: jsonb('result'),
    createdBy: integer('created_by').references(() => users.id),
  },
  (table) => [index('review_assignment_jobs_round_idx').on(table.roundId)],
);

// ---- Plan project supervision: progress reports, mid-term check, changes, acceptance, closure ----

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
