import {
  DEFAULT_EVALUATION_RULE,
  type EvaluationRule,
  type PlatformAuthority,
  type PlatformLevel,
  type TypeRequirements,
} from '@kechuang/domain';
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

/** Platform types as master data: the levels each exists at are the allowed type × level combinations. */
export const platformTypes = pgTable(
  'platform_types',
  {
    ...businessColumns,
    code: text('code').notNull(),
    name: text('name').notNull(),
    levels: jsonb('levels').$type<PlatformLevel[]>().notNull(),
    authority: text('authority').$type<PlatformAuthority>().notNull(),
    allowsSeveralHosts: boolean('allows_several_hosts').notNull().default(false),
    /** Counts as an R&D institution for 规上企业研发机构全覆盖 (the city decides which types do). */
    countsForCoverage: boolean('counts_for_coverage').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    /** The 认定/备案 conditions by level, shown to applicants as a checklist (thresholds are data). */
    requirements: jsonb('requirements').$type<TypeRequirements>().notNull().default({}),
    /** The 绩效评价 grade scale and the consecutive failures that lead to a warning and a revocation. */
    evaluationRule: jsonb('evaluation_rule')
      .$type<EvaluationRule>()
      .notNull()
      .default(DEFAULT_EVALUATION_RULE),
  },
  (table) => [uniqueIndex('platform_types_code_key').on(table.code)],
);

/**
 * 科创平台: one record per platform for its whole life; `level`, `approving_body`, `document_no` and
 * `recognized_on` repeat the latest line of its level history, `ended_on` is the day it was revoked
 * or delisted. Equipment value in 分.
 */
export const platforms = pgTable(
  'platforms',
  {
    ...businessColumns,
    name: text('name').notNull(),
    typeId: integer('type_id')
      .notNull()
      .references(() => platformTypes.id),
    level: text('level').$type<PlatformLevel>().notNull(),
    status: text('status').notNull(),
    approvingBody: text('approving_body').notNull(),
    documentNo: text('document_no').notNull(),
    recognizedOn: date('recognized_on').notNull(),
    firstRecognizedOn: date('first_recognized_on').notNull(),
    endedOn: date('ended_on'),
    field: text('field'),
    street: text('street'),
    areaSquareMeters: integer('area_square_meters'),
    staffCount: integer('staff_count'),
    equipmentFen: bigint('equipment_fen', { mode: 'number' }),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
  },
  (table) => [
    index('platforms_type_level_idx').on(table.typeId, table.level),
    index('platforms_status_idx').on(table.status),
  ],
);

/** The host organisations of a platform, in order (position 0 is the lead host). */
export const platformHosts = pgTable(
  'platform_hosts',
  {
    id: serial('id').primaryKey(),
    platformId: integer('platform_id')
      .notNull()
      .references(() => platforms.id, { onDelete: 'cascade' }),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    position: integer('position').notNull(),
  },
  (table) => [
    uniqueIndex('platform_hosts_platform_enterprise_key').on(table.platformId, table.enterpriseId),
    index('platform_hosts_enterprise_idx').on(table.enterpriseId),
  ],
);

/** Each recognition and upgrade of a platform, with its date and 文号: what "new" and "upgraded" count. */
export const platformLevelHistory = pgTable(
  'platform_level_history',
  {
    id: serial('id').primaryKey(),
    platformId: integer('platform_id')
      .notNull()
      .references(() => platforms.id, { onDelete: 'cascade' }),
    level: text('level').$type<PlatformLevel>().notNull(),
    kind: text('kind').$type<'recognition' | 'upgrade'>().notNull(),
    recognizedOn: date('recognized_on').notNull(),
    approvingBody: text('approving_body').notNull(),
    documentNo: text('document_no').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('platform_level_history_platform_idx').on(table.platformId, table.recognizedOn),
    index('platform_level_history_date_idx').on(table.recognizedOn),
  ],
);
