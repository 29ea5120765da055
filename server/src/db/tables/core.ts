// Foundation: accounts, sessions, audit, workflow history, notifications, settings, the work calendar, enterprises.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
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
    /** The 问题台账 department a `department` account answers for (service_departments, FK in SQL). */
    departmentId: integer('department_id'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    isDisabled: boolean('is_disabled').notNull().default(false),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** The TOTP secret, SM4-encrypted like personal data; set at enrolment, in force once confirmed. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last accepted time step: a code is never accepted twice, nor an older one after it. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
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
    /** The calendar in force: the official one, or the administrator's when `isOverridden`. */
    holidays: jsonb('holidays').$type<string[]>().notNull(),
    workdays: jsonb('workdays').$type<string[]>().notNull(),
    /** The State Council's calendar as the `chinese-days` package gives it, refilled when it updates. */
    officialHolidays: jsonb('official_holidays').$type<string[]>(),
    officialWorkdays: jsonb('official_workdays').$type<string[]>(),
    /** `chinese-days@<version>` the official lists came from; null when the year is not in it. */
    officialSource: text('official_source'),
    /** Set when the administrator edited the year: a package update then no longer changes it. */
    isOverridden: boolean('is_overridden').notNull().default(false),
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

/**
 * Counted attempts for throttling (failed sign-ins by address, by account and address, by account;
 * public registrations by address). Kept in the database so every instance counts the same.
 */
export const throttleEvents = pgTable(
  'throttle_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('throttle_events_kind_key_at_idx').on(table.kind, table.key, table.at)],
);

/**
 * One row per daily job and day, claimed by the instance that runs it: several instances on one
 * database run each job once a day. Its outcome is kept for the administrators to see.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: serial('id').primaryKey(),
    job: text('job').notNull(),
    day: date('day').notNull(),
    instance: text('instance').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    outcome: text('outcome'),
    isFailed: boolean('is_failed').notNull().default(false),
  },
  (table) => [uniqueIndex('job_runs_job_day_key').on(table.job, table.day)],
);

/** One-time recovery codes of a second factor; only their hashes are kept, each used at most once. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('recovery_codes_user_hash_key').on(table.userId, table.codeHash)],
);
