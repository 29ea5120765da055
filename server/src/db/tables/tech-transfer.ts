import type { NonTechnicalCostLine } from '@kechuang/domain';
import {
  bigint,
  boolean,
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
import { storedFiles } from './plans';

/**
 * 技术合同 filed for 认定登记 by the seller (the owning enterprise), registered by the bureau.
 * Amounts in 分; 技术交易额 is stored as computed at save so lists and the ledger sum it directly.
 */
export const techContracts = pgTable(
  'tech_contracts',
  {
    ...businessColumns,
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    status: text('status').notNull(),
    title: text('title').notNull(),
    category: text('category').notNull(),
    sellerName: text('seller_name').notNull(),
    sellerCreditCode: text('seller_credit_code').notNull(),
    buyerName: text('buyer_name').notNull(),
    buyerCreditCode: text('buyer_credit_code'),
    buyerRegionCode: text('buyer_region_code').notNull(),
    signedOn: date('signed_on').notNull(),
    termStartOn: date('term_start_on').notNull(),
    termEndOn: date('term_end_on').notNull(),
    contractFen: bigint('contract_fen', { mode: 'number' }).notNull(),
    techFen: bigint('tech_fen', { mode: 'number' }).notNull(),
    carrierFen: bigint('carrier_fen', { mode: 'number' }).notNull().default(0),
    nonTechnicalCosts: jsonb('non_technical_costs').$type<NonTechnicalCostLine[]>().notNull().default([]),
    payments: jsonb('payments')
      .$type<{ dueOn: string; amountFen: number; note?: string }[]>()
      .notNull()
      .default([]),
    /** For 咨询/服务: the 开发/转让 contract it belongs to (same invoice). */
    linkedContractId: integer('linked_contract_id'),
    sameInvoice: boolean('same_invoice').notNull().default(false),
    disputed: boolean('disputed').notNull().default(false),
    signedFileId: integer('signed_file_id').references(() => storedFiles.id),
    /** The acceptance date the time limit runs from; reset when a 补正 is resubmitted. */
    acceptedOn: date('accepted_on'),
    timeLimitDays: integer('time_limit_days'),
    dueOn: date('due_on'),
    /** The due date a warning was last sent for: claimed row by row, re-armed when the clock restarts. */
    warnedDueOn: date('warned_due_on'),
    registrationNo: text('registration_no'),
    registeredOn: date('registered_on'),
    refusalReason: text('refusal_reason'),
    exemptionEligible: boolean('exemption_eligible'),
    exemptionReason: text('exemption_reason'),
    exemptionClaimed: boolean('exemption_claimed').notNull().default(false),
    exemptionConfirmedAt: timestamp('exemption_confirmed_at', { withTimezone: true }),
    exemptionConfirmedBy: integer('exemption_confirmed_by').references(() => users.id),
    /** Came from a year's Excel ledger rather than being filed here; the file is kept. */
    importFileId: integer('import_file_id').references(() => storedFiles.id),
  },
  (table) => [
    uniqueIndex('tech_contracts_registration_no_key').on(table.registrationNo),
    index('tech_contracts_enterprise_idx').on(table.enterpriseId),
    index('tech_contracts_status_due_idx').on(table.status, table.dueOn),
    index('tech_contracts_registered_on_idx').on(table.registeredOn),
  ],
);

/**
 * Visits, calls and advice of the 技术合同登记服务指导组 to an enterprise: where the 挖掘潜力 list
 * sends the team, and what it told the enterprise about registering its contracts.
 */
export const techGuidanceVisits = pgTable(
  'tech_guidance_visits',
  {
    ...businessColumns,
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    visitors: text('visitors').notNull(),
    advice: text('advice').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (table) => [
    index('tech_guidance_visits_enterprise_idx').on(table.enterpriseId, table.visitedOn),
    index('tech_guidance_visits_visited_on_idx').on(table.visitedOn),
  ],
);
