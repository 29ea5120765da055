import { date, index, integer, numeric, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { businessColumns } from './columns';
import { users } from './core';

/** The year's target of an indicator, in its unit, set by staff. */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    ...businessColumns,
    key: text('key').notNull(),
    year: integer('year').notNull(),
    value: numeric('value', { precision: 24, scale: 4 }).notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (table) => [uniqueIndex('indicator_targets_key_year_key').on(table.key, table.year)],
);

/**
 * Figures published outside the bureau (地区生产总值, 全社会研发经费…), one per indicator and
 * period, in the indicator's unit, with where they were published and when.
 */
export const indicatorStatistics = pgTable(
  'indicator_statistics',
  {
    ...businessColumns,
    key: text('key').notNull(),
    period: text('period').notNull(),
    value: numeric('value', { precision: 24, scale: 4 }).notNull(),
    source: text('source').notNull(),
    sourceDate: date('source_date', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (table) => [
    uniqueIndex('indicator_statistics_key_period_key').on(table.key, table.period),
    index('indicator_statistics_period_idx').on(table.period),
  ],
);
