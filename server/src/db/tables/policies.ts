import type {
  AmountRule,
  FulfilMode,
  PolicyApplicationStatus,
  PolicyCondition,
  PolicyItemType,
  PolicyLevel,
  PolicyPayoutStatus,
  PolicyStatus,
  PolicyTheme,
} from '@kechuang/domain';
import {
  bigint,
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
import { storedFiles } from './plans';

/**
 * 政策文件: the official header fields, the full text and its 解读. A newer version is a record of its
 * own naming the one it replaces (`supersedes_id`); publishing it 废止 the old one. Its words are in
 * the shared inverted index (`tech_match_terms`, kind `policy`) for full-text search.
 */
export const policies = pgTable(
  'policies',
  {
    ...businessColumns,
    status: text('status').$type<PolicyStatus>().notNull(),
    title: text('title').notNull(),
    level: text('level').$type<PolicyLevel>().notNull(),
    theme: text('theme').$type<PolicyTheme>().notNull(),
    indexNo: text('index_no'),
    documentNo: text('document_no').notNull(),
    issuer: text('issuer').notNull(),
    writtenOn: date('written_on', { mode: 'string' }).notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    fullText: text('full_text').notNull(),
    interpretation: text('interpretation'),
    attachments: jsonb('attachments').$type<{ name: string; url: string }[]>().notNull().default([]),
    supersedesId: integer('supersedes_id'),
    repealedOn: date('repealed_on', { mode: 'string' }),
  },
  (table) => [
    index('policies_status_idx').on(table.status, table.level),
    index('policies_supersedes_idx').on(table.supersedesId),
  ],
);

/** 政策事项: what an enterprise can get from a policy, its conditions as data and its amount rule. */
export const policyItems = pgTable(
  'policy_items',
  {
    id: serial('id').primaryKey(),
    policyId: integer('policy_id')
      .notNull()
      .references(() => policies.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    type: text('type').$type<PolicyItemType>().notNull(),
    beneficiaries: text('beneficiaries').notNull(),
    conditions: jsonb('conditions').$type<PolicyCondition[]>().notNull(),
    amount: jsonb('amount').$type<AmountRule>().notNull(),
    fulfilMode: text('fulfil_mode').$type<FulfilMode>().notNull(),
    fulfilDays: integer('fulfil_days'),
    windowFrom: date('window_from', { mode: 'string' }),
    windowTo: date('window_to', { mode: 'string' }),
    department: text('department').notNull(),
    contact: text('contact').notNull(),
  },
  (table) => [index('policy_items_policy_idx').on(table.policyId)],
);

/**
 * 免申即享 payout list: an enterprise the data showed as qualifying, confirmed by staff for a year,
 * with the amount and the reasons as they stood (the evidence snapshot).
 */
export const policyPayouts = pgTable(
  'policy_payouts',
  {
    id: serial('id').primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => policyItems.id),
    year: integer('year').notNull(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    confirmedOn: date('confirmed_on', { mode: 'string' }).notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    confirmedBy: integer('confirmed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // 兑现 on the `policy-payout` lifecycle: pushed → confirmed with the bank account → paid → archived.
    status: text('status').$type<PolicyPayoutStatus>().notNull().default('listed'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    timeLimitDays: integer('time_limit_days'),
    pushedOn: date('pushed_on', { mode: 'string' }),
    dueOn: date('due_on', { mode: 'string' }),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    bankName: text('bank_name'),
    bankAccountName: text('bank_account_name'),
    bankAccount: text('bank_account'),
    paidFen: bigint('paid_fen', { mode: 'number' }),
    paidOn: date('paid_on', { mode: 'string' }),
    voucherNo: text('voucher_no'),
    // The scan of the payment voucher (a stored file owned by the enterprise), attached with the payment.
    voucherFileId: integer('voucher_file_id').references(() => storedFiles.id),
  },
  (table) => [
    index('policy_payouts_status_idx').on(table.status, table.dueOn),
    uniqueIndex('policy_payouts_item_year_enterprise_key').on(table.itemId, table.year, table.enterpriseId),
    index('policy_payouts_year_idx').on(table.year),
  ],
);

/** Printed copies of the 《科技创新政策指引》 of an edition (year) handed out. */
export const policyGuideDistributions = pgTable(
  'policy_guide_distributions',
  {
    id: serial('id').primaryKey(),
    edition: integer('edition').notNull(),
    recipient: text('recipient').notNull(),
    copies: integer('copies').notNull(),
    distributedOn: date('distributed_on', { mode: 'string' }).notNull(),
    recordedBy: integer('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('policy_guide_distributions_date_idx').on(table.distributedOn)],
);

/**
 * 快申快享 application: the enterprise's evidence for the conditions the data cannot decide, the data's
 * reasons as they stood, and, once approved, the payout it put on the list.
 */
export const policyApplications = pgTable(
  'policy_applications',
  {
    ...businessColumns,
    status: text('status').$type<PolicyApplicationStatus>().notNull(),
    itemId: integer('item_id')
      .notNull()
      .references(() => policyItems.id),
    year: integer('year').notNull(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    materials: jsonb('materials')
      .$type<{ index: number; document: string | null; text: string }[]>()
      .notNull(),
    payoutId: integer('payout_id').references(() => policyPayouts.id),
  },
  (table) => [
    uniqueIndex('policy_applications_item_year_enterprise_key').on(
      table.itemId,
      table.year,
      table.enterpriseId,
    ),
    index('policy_applications_status_idx').on(table.status),
  ],
);

/** What an enterprise follows: levels and themes (empty = all); told once per matching published policy. */
export const policySubscriptions = pgTable('policy_subscriptions', {
  ...businessColumns,
  enterpriseId: integer('enterprise_id')
    .notNull()
    .unique('policy_subscriptions_enterprise_key')
    .references(() => enterprises.id),
  levels: jsonb('levels').$type<PolicyLevel[]>().notNull(),
  themes: jsonb('themes').$type<PolicyTheme[]>().notNull(),
});

/** Who was told of which published policy: the key makes the notice once per enterprise and policy. */
export const policySubscriptionNotices = pgTable(
  'policy_subscription_notices',
  {
    policyId: integer('policy_id')
      .notNull()
      .references(() => policies.id, { onDelete: 'cascade' }),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    notifiedAt: timestamp('notified_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('policy_subscription_notices_key').on(table.policyId, table.enterpriseId)],
);

/**
 * A kept edition of the 《科技创新政策指引》: the Word file as generated, its year and number within
 * the year, and the policy versions it was built from.
 */
export const policyGuideEditions = pgTable(
  'policy_guide_editions',
  {
    id: serial('id').primaryKey(),
    edition: integer('edition').notNull(),
    number: integer('number').notNull(),
    fileId: integer('file_id')
      .notNull()
      .references(() => storedFiles.id),
    policyVersions: jsonb('policy_versions')
      .$type<{ id: number; version: number; documentNo: string; title: string }[]>()
      .notNull(),
    // How many items the edition holds (null for editions kept before the count was recorded).
    itemCount: integer('item_count'),
    generatedBy: integer('generated_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('policy_guide_editions_edition_number_key').on(table.edition, table.number)],
);

/**
 * Reminders on an item's application window sent to an enterprise: `window-open` when it opens,
 * `closing-soon` a set number of working days before it closes. The key (item, enterprise, event,
 * the window date it was for) makes each reminder once, however often the daily job runs.
 */
export const policyItemNotices = pgTable(
  'policy_item_notices',
  {
    id: serial('id').primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => policyItems.id, { onDelete: 'cascade' }),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    event: text('event').$type<'window-open' | 'closing-soon'>().notNull(),
    windowOn: date('window_on', { mode: 'string' }).notNull(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('policy_item_notices_key').on(table.itemId, table.enterpriseId, table.event, table.windowOn),
    index('policy_item_notices_enterprise_idx').on(table.enterpriseId),
  ],
);
