import {
  bigint,
  boolean,
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
