import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { businessColumns } from './columns';
import { users } from './core';
import { planCalls } from './plans';

/** 专家库: one expert, linked to the user account of role `expert` the expert signs in with. */
export const experts = pgTable(
  'experts',
  {
    ...businessColumns,
    userId: integer('user_id').references(() => users.id),
    name: text('name').notNull(),
    /** 身份证号 or another stable id, for conflicts by identity; never sent to the web. */
    personId: text('person_id'),
    title: text('title').notNull(),
    /** Codes from the industry and discipline dictionaries; the first is the main field. */
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    organisationName: text('organisation_name').notNull(),
    organisationCreditCode: text('organisation_credit_code'),
    affiliations: jsonb('affiliations')
      .$type<{ name: string; creditCode?: string | null }[]>()
      .notNull()
      .default([]),
    phone: text('phone').notNull(),
    email: text('email'),
    isAvailable: boolean('is_available').notNull().default(true),
    /** `pending` | `active` | `paused` | `removed` (domain `expertWorkflow`). */
    status: text('status').notNull(),
    relations: jsonb('relations').notNull().default([]),
    collaborations: jsonb('collaborations').notNull().default([]),
  },
  (table) => [uniqueIndex('experts_user_key').on(table.userId), index('experts_status_idx').on(table.status)],
);

/** 评审轮次: a rubric, panel size, load cap and deadline over a set of reviewable items. */
export const reviewRounds = pgTable(
  'review_rounds',
  {
    ...businessColumns,
    title: text('title').notNull(),
    /** What the items are: `project-application` now; 高企 pre-review or acceptance panels later. */
    subjectType: text('subject_type').notNull(),
    callId: integer('call_id').references(() => planCalls.id),
    /** `online` 网评 | `meeting` 会评 | `defence` 答辩. */
    mode: text('mode').notNull(),
    rubric: jsonb('rubric').notNull(),
    reviewersPerItem: integer('reviewers_per_item').notNull(),
    loadCap: integer('load_cap').notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    hideIdentities: boolean('hide_identities').notNull().default(true),
    commentBelow: integer('comment_below'),
    commentAbove: integer('comment_above'),
    /** `draft` | `released` | `finished` (domain `reviewRoundWorkflow`). */
    status: text('status').notNull(),
    /** The applied assignment: method, seed and generator, so a draw can be replayed in an audit. */
    assignmentMethod: text('assignment_method'),
    assignmentSeed: bigint('assignment_seed', { mode: 'number' }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id),
  },
  (table) => [index('review_rounds_call_idx').on(table.callId)],
);

/** One reviewable thing in a round, by subject type and id, with what conflicts and matching read. */
export const reviewItems = pgTable(
  'review_items',
  {
    ...businessColumns,
    roundId: integer('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    subjectType: text('subject_type').notNull(),
    subjectId: integer('subject_id').notNull(),
    title: text('title').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    /** Applicant, partners, PI, members and named exclusions at the time the round was built. */
    conflictSubject: jsonb('conflict_subject').notNull(),
    consensusOpinion: text('consensus_opinion'),
    resultScore: integer('result_score'),
    resultRank: integer('result_rank'),
    result: jsonb('result'),
  },
  (table) => [
    uniqueIndex('review_items_round_subject_key').on(table.roundId, table.subjectType, table.subjectId),
  ],
);

/** One expert on one item: invitation, answer, and the score sheet. */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    ...businessColumns,
    roundId: integer('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => reviewItems.id),
    expertId: integer('expert_id')
      .notNull()
      .references(() => experts.id),
    /** `invited` | `accepted` | `declined` | `conflict` | `submitted`. */
    status: text('status').notNull(),
    /** How the pair was made: `random` | `optimal` | `manual` | `replacement`. */
    source: text('source').notNull(),
    reason: text('reason'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    vote: text('vote'),
    comment: text('comment').notNull().default(''),
    savedAt: timestamp('saved_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Staff reopened this sheet: it may be saved and submitted after the deadline, until this time. */
    reopenedUntil: timestamp('reopened_until', { withTimezone: true }),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('review_assignments_item_expert_key').on(table.itemId, table.expertId),
    index('review_assignments_expert_idx').on(table.expertId),
    index('review_assignments_round_idx').on(table.roundId),
  ],
);

/** 回避: a staff override of one conflict type on one pair, or an expert's own declaration. */
export const reviewConflictDecisions = pgTable(
  'review_conflict_decisions',
  {
    ...businessColumns,
    roundId: integer('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => reviewItems.id),
    expertId: integer('expert_id')
      .notNull()
      .references(() => experts.id),
    /** `override` (staff lift one type) | `declaration` (the expert withdraws). */
    kind: text('kind').notNull(),
    conflictType: text('conflict_type').notNull(),
    reason: text('reason').notNull(),
    decidedBy: integer('decided_by').references(() => users.id),
  },
  (table) => [index('review_conflict_decisions_round_idx').on(table.roundId)],
);

/** A dry run of an assignment: progress polled, cancellable, applied all-or-nothing afterwards. */
export const reviewAssignmentJobs = pgTable(
  'review_assignment_jobs',
  {
    ...businessColumns,
    roundId: integer('round_id')
      .notNull()
      .references(() => reviewRounds.id),
    method: text('method').notNull(),
    seed: bigint('seed', { mode: 'number' }),
    /** `running` | `done` | `infeasible` | `failed` | `cancelled` | `applied`. */
    status: text('status').notNull(),
    stage: text('stage'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    isCancelRequested: boolean('is_cancel_requested').notNull().default(false),
    /** The round's version when the run started: applying after a change is refused. */
    roundVersion: integer('round_version').notNull(),
    result: jsonb('result'),
    createdBy: integer('created_by').references(() => users.id),
  },
  (table) => [index('review_assignment_jobs_round_idx').on(table.roundId)],
);
