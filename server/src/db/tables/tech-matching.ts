import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { businessColumns } from './columns';
import { enterprises, users } from './core';
import { experts } from './reviews';
import { techContracts } from './tech-transfer';

/** 高校、科研院所 and other institutions whose results the bureau posts; kept by the bureau. */
export const techInstitutions = pgTable(
  'tech_institutions',
  {
    ...businessColumns,
    name: text('name').notNull(),
    /** `university` | `institute` | `new-rd` | `other`. */
    kind: text('kind').notNull(),
    creditCode: text('credit_code'),
    regionCode: text('region_code').notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
  },
  (table) => [
    uniqueIndex('tech_institutions_name_key').on(table.name),
    uniqueIndex('tech_institutions_credit_code_key').on(table.creditCode),
  ],
);

/** 技术需求 posted by an enterprise; `visibility` = `matched` keeps it off the portal and from other enterprises. */
export const techNeeds = pgTable(
  'tech_needs',
  {
    ...businessColumns,
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    status: text('status').notNull(),
    title: text('title').notNull(),
    field: text('field').notNull(),
    industry: text('industry'),
    problem: text('problem').notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }),
    deadline: date('deadline').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
    visibility: text('visibility').notNull(),
    rejectReason: text('reject_reason'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (table) => [
    index('tech_needs_enterprise_idx').on(table.enterpriseId),
    index('tech_needs_status_idx').on(table.status, table.visibility),
  ],
);

/** 科技成果: an institution's (posted by the bureau) or an expert's own. */
export const techResults = pgTable(
  'tech_results',
  {
    ...businessColumns,
    status: text('status').notNull(),
    institutionId: integer('institution_id').references(() => techInstitutions.id),
    expertId: integer('expert_id').references(() => experts.id),
    /** Who posted it: a staff user for an institution's, the expert's own user otherwise. */
    createdBy: integer('created_by').references(() => users.id),
    title: text('title').notNull(),
    field: text('field').notNull(),
    industry: text('industry'),
    description: text('description').notNull(),
    trl: smallint('trl').notNull(),
    ipKind: text('ip_kind').notNull(),
    ipNumber: text('ip_number'),
    modes: jsonb('modes').$type<string[]>().notNull().default([]),
    priceMinFen: bigint('price_min_fen', { mode: 'number' }),
    priceMaxFen: bigint('price_max_fen', { mode: 'number' }),
    keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    rejectReason: text('reject_reason'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (table) => [
    index('tech_results_status_idx').on(table.status),
    index('tech_results_institution_idx').on(table.institutionId),
    index('tech_results_expert_idx').on(table.expertId),
  ],
);

/**
 * The matching index: one row per record (need, result or expert) with what scoring needs besides
 * the terms, computed when the record is saved (an expert's when it is first looked at after a change).
 */
export const techMatchDocuments = pgTable(
  'tech_match_documents',
  {
    /** `need` | `result` | `expert`. */
    kind: text('kind').notNull(),
    recordId: integer('record_id').notNull(),
    weightSum: real('weight_sum').notNull(),
    field: text('field'),
    industries: jsonb('industries').$type<string[]>().notNull().default([]),
    regionCode: text('region_code'),
    /** The record's version the terms were computed from. */
    sourceVersion: integer('source_version').notNull(),
  },
  (table) => [primaryKey({ columns: [table.kind, table.recordId] })],
);

/** The inverted index: (kind, term) → records, so a suggestion touches only records sharing a term. */
export const techMatchTerms = pgTable(
  'tech_match_terms',
  {
    kind: text('kind').notNull(),
    term: text('term').notNull(),
    recordId: integer('record_id').notNull(),
    weight: smallint('weight').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.kind, table.term, table.recordId] }),
    index('tech_match_terms_record_idx').on(table.kind, table.recordId),
  ],
);

/** 对接记录: a need introduced to a result or an expert, through to the registered contract. */
export const techMatchings = pgTable(
  'tech_matchings',
  {
    ...businessColumns,
    status: text('status').notNull(),
    needId: integer('need_id')
      .notNull()
      .references(() => techNeeds.id),
    resultId: integer('result_id').references(() => techResults.id),
    expertId: integer('expert_id').references(() => experts.id),
    eventId: integer('event_id').references(() => techEvents.id),
    /** `suggested` (from the ranked list) | `manual` | `event`. */
    source: text('source').notNull(),
    score: real('score'),
    reason: text('reason'),
    note: text('note'),
    contractId: integer('contract_id').references(() => techContracts.id),
    createdBy: integer('created_by').references(() => users.id),
  },
  (table) => [
    index('tech_matchings_need_idx').on(table.needId),
    index('tech_matchings_result_idx').on(table.resultId),
    index('tech_matchings_expert_idx').on(table.expertId),
    index('tech_matchings_event_idx').on(table.eventId),
  ],
);

/**
 * 产学研精准对接活动, self-contained (guests, agenda and what was brought are on the row) so it can
 * move to a services module's events later.
 */
export const techEvents = pgTable('tech_events', {
  ...businessColumns,
  title: text('title').notNull(),
  /** `session` 专场 | `online` 线上 | `roadshow` 路演. */
  kind: text('kind').notNull(),
  heldOn: date('held_on').notNull(),
  venue: text('venue').notNull(),
  organiser: text('organiser').notNull(),
  capacity: integer('capacity').notNull(),
  signupDeadline: date('signup_deadline').notNull(),
  guests: jsonb('guests').notNull().default([]),
  agenda: jsonb('agenda').notNull().default([]),
  needIds: jsonb('need_ids').$type<number[]>().notNull().default([]),
  resultIds: jsonb('result_ids').$type<number[]>().notNull().default([]),
});

/** An enterprise's sign-up for an event; the event row is locked while the places are counted. */
export const techEventSignups = pgTable(
  'tech_event_signups',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    eventId: integer('event_id')
      .notNull()
      .references(() => techEvents.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    attendees: integer('attendees').notNull(),
    attended: boolean('attended'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('tech_event_signups_event_enterprise_key').on(table.eventId, table.enterpriseId)],
);
