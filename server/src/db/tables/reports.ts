import type { AnnualReportContent, ReportFigure } from '@kechuang/domain';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { businessColumns } from './columns';
import { users } from './core';

/** The year's work report being written: its text with placeholders; `final` until edited again. */
export const annualReports = pgTable(
  'annual_reports',
  {
    ...businessColumns,
    year: integer('year').notNull(),
    content: jsonb('content').$type<AnnualReportContent>().notNull(),
    /** `draft` | `final` (the text has not changed since its last edition). */
    status: text('status').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (table) => [uniqueIndex('annual_reports_year_key').on(table.year)],
);

/** A finalised edition: the text and every figure as they stood, so it reads the same forever. */
export const annualReportEditions = pgTable(
  'annual_report_editions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year').notNull(),
    edition: integer('edition').notNull(),
    content: jsonb('content').$type<AnnualReportContent>().notNull(),
    district: text('district').notNull(),
    figures: jsonb('figures').$type<ReportFigure[]>().notNull(),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }).notNull().defaultNow(),
    finalisedBy: integer('finalised_by').references(() => users.id),
    finalisedByName: text('finalised_by_name').notNull(),
  },
  (table) => [
    uniqueIndex('annual_report_editions_year_edition_key').on(table.year, table.edition),
    index('annual_report_editions_year_idx').on(table.year),
  ],
);
