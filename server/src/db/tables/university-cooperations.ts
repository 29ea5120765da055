import { date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { businessColumns } from './columns';
import { enterprises } from './core';
import { platforms } from './platforms';

/**
 * 对接高校: a cooperation with a university or research institute brought into the district — an
 * agreement, a joint institute or laboratory, a technology transfer centre, or a branch (分支机构)
 * landed here — with the local enterprise and platform involved.
 */
export const universityCooperations = pgTable(
  'university_cooperations',
  {
    ...businessColumns,
    partnerName: text('partner_name').notNull(),
    partnerKind: text('partner_kind').notNull(),
    form: text('form').notNull(),
    title: text('title').notNull(),
    signedOn: date('signed_on').notNull(),
    endedOn: date('ended_on'),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    platformId: integer('platform_id').references(() => platforms.id),
    street: text('street'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    note: text('note').notNull().default(''),
  },
  (table) => [
    index('university_cooperations_signed_idx').on(table.signedOn),
    index('university_cooperations_partner_idx').on(table.partnerName),
  ],
);
