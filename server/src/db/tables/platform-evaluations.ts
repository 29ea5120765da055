import type { EvaluationConsequence, EvaluationFigures } from '@kechuang/domain';
import { date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { businessColumns } from './columns';
import { platforms, platformTypes } from './platforms';

/** 年度绩效评价 round: one platform type, one year. */
export const platformEvaluationRounds = pgTable(
  'platform_evaluation_rounds',
  {
    ...businessColumns,
    typeId: integer('type_id')
      .notNull()
      .references(() => platformTypes.id),
    year: integer('year').notNull(),
    status: text('status').notNull(),
  },
  (table) => [uniqueIndex('platform_evaluation_rounds_type_year_key').on(table.typeId, table.year)],
);

/**
 * One platform's evaluation in a round: its yearly report, the score and grade, the consequence the
 * type's rule sets and the day staff applied it to the platform's status.
 */
export const platformEvaluations = pgTable(
  'platform_evaluations',
  {
    ...businessColumns,
    roundId: integer('round_id')
      .notNull()
      .references(() => platformEvaluationRounds.id, { onDelete: 'cascade' }),
    platformId: integer('platform_id')
      .notNull()
      .references(() => platforms.id),
    status: text('status').notNull(),
    figures: jsonb('figures').$type<EvaluationFigures>(),
    summary: text('summary').notNull().default(''),
    reportedOn: date('reported_on'),
    score: integer('score'),
    grade: text('grade'),
    gradeComment: text('grade_comment'),
    consecutiveFailing: integer('consecutive_failing').notNull().default(0),
    consequence: text('consequence').$type<EvaluationConsequence>().notNull().default('none'),
    consequenceAppliedOn: date('consequence_applied_on'),
  },
  (table) => [
    uniqueIndex('platform_evaluations_round_platform_key').on(table.roundId, table.platformId),
    index('platform_evaluations_platform_idx').on(table.platformId),
  ],
);
