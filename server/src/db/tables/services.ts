import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { businessColumns } from './columns';
import { enterprises } from './core';

/** 活动类型 as data: 专题培训班, 答疑活动, 政策宣讲, 产学研对接会, 申报辅导 … */
export const serviceEventTypes = pgTable(
  'service_event_types',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (table) => [uniqueIndex('service_event_types_code_key').on(table.code)],
);

/** A service event; `capacity` counts people. The row is locked while places are counted. */
export const serviceEvents = pgTable(
  'service_events',
  {
    ...businessColumns,
    typeId: integer('type_id')
      .notNull()
      .references(() => serviceEventTypes.id),
    title: text('title').notNull(),
    topic: text('topic').notNull(),
    speakers: jsonb('speakers').$type<string[]>().notNull().default([]),
    place: text('place'),
    onlineLink: text('online_link'),
    heldOn: date('held_on').notNull(),
    startTime: text('start_time').notNull(),
    capacity: integer('capacity').notNull(),
    signupDeadline: date('signup_deadline').notNull(),
    audience: text('audience').notNull(),
    audienceNote: text('audience_note'),
    /** Who the audience rule admits: tier label codes, industry names or streets (empty for all/invited). */
    audienceTargets: jsonb('audience_targets').$type<string[]>().notNull().default([]),
    /** The invited enterprises, for the `invited` audience. */
    invitedEnterpriseIds: jsonb('invited_enterprise_ids').$type<number[]>().notNull().default([]),
    materials: jsonb('materials').$type<string[]>().notNull().default([]),
  },
  (table) => [index('service_events_held_on_idx').on(table.heldOn)],
);

/**
 * One enterprise's sign-up (several people) or a walk-in group recorded at the door; `code` is the
 * per-sign-up check-in code (shown as a QR code). Feedback is kept on the sign-up it belongs to.
 */
export const serviceEventSignups = pgTable(
  'service_event_signups',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => serviceEvents.id),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    organisation: text('organisation').notNull(),
    attendees: jsonb('attendees').$type<{ name: string; phone: string }[]>().notNull(),
    people: integer('people').notNull(),
    code: text('code').notNull(),
    walkIn: boolean('walk_in').notNull().default(false),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    satisfaction: smallint('satisfaction'),
    feedback: text('feedback'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('service_event_signups_code_key').on(table.code),
    uniqueIndex('service_event_signups_event_enterprise_key').on(table.eventId, table.enterpriseId),
  ],
);

/** A question asked at (or before) an 答疑 event, its answer, and whether it is published as an FAQ. */
export const serviceEventQuestions = pgTable(
  'service_event_questions',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => serviceEvents.id),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    question: text('question').notNull(),
    answer: text('answer'),
    isFaq: boolean('is_faq').notNull().default(false),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('service_event_questions_event_idx').on(table.eventId)],
);

/** 大调研: a campaign with its target list (enterprises, platforms' hosts, institutes) and teams. */
export const serviceCampaigns = pgTable('service_campaigns', {
  ...businessColumns,
  name: text('name').notNull(),
  slogan: text('slogan'),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
});

export const serviceCampaignTargets = pgTable(
  'service_campaign_targets',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => serviceCampaigns.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** `enterprise` | `platform` | `institute`. */
    kind: text('kind').notNull(),
    team: text('team').notNull(),
  },
  (table) => [uniqueIndex('service_campaign_targets_key').on(table.campaignId, table.enterpriseId)],
);

export const serviceVisits = pgTable(
  'service_visits',
  {
    ...businessColumns,
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => serviceCampaigns.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    visitedOn: date('visited_on').notNull(),
    team: text('team').notNull(),
    visitors: text('visitors').notNull(),
    met: text('met').notNull(),
    findings: text('findings').notNull(),
    suggestions: text('suggestions'),
  },
  (table) => [index('service_visits_campaign_idx').on(table.campaignId, table.visitedOn)],
);

/** 责任单位 as data: 科技局 sections, other bureaus, streets. */
export const serviceDepartments = pgTable(
  'service_departments',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** `section` 局内科室 | `bureau` 区直部门 | `street` 街道/镇. */
    kind: text('kind').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (table) => [uniqueIndex('service_departments_name_key').on(table.name)],
);

/**
 * 问题台账: one ticket per problem, assigned to a department with a limit in working days; `due_on`
 * is counted over the work calendar and moves only by an approved extension or a 重办.
 */
export const serviceProblems = pgTable(
  'service_problems',
  {
    ...businessColumns,
    status: text('status').notNull(),
    source: text('source').notNull(),
    visitId: integer('visit_id').references(() => serviceVisits.id),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    category: text('category').notNull(),
    description: text('description').notNull(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => serviceDepartments.id),
    assignee: text('assignee'),
    assignedOn: date('assigned_on').notNull(),
    limitDays: integer('limit_days').notNull(),
    dueOn: date('due_on').notNull(),
    extensionDays: integer('extension_days').notNull().default(0),
    extensionReason: text('extension_reason'),
    /** An extension the department asked for, waiting for the leader. */
    extensionRequestDays: integer('extension_request_days'),
    extensionRequestReason: text('extension_request_reason'),
    extensionRequestedOn: date('extension_requested_on'),
    /** The due date a due-soon / overdue notice was last sent for (claimed row by row). */
    dueSoonNoticedFor: date('due_soon_noticed_for'),
    overdueNoticedFor: date('overdue_noticed_for'),
    measure: text('measure'),
    repliedOn: date('replied_on'),
    rating: text('rating'),
    reopenCount: integer('reopen_count').notNull().default(0),
    closedOn: date('closed_on'),
  },
  (table) => [
    index('service_problems_status_idx').on(table.status, table.dueOn),
    index('service_problems_enterprise_idx').on(table.enterpriseId),
  ],
);

/**
 * The online 答疑 board: an enterprise's question, routed (optionally) to a department, answered
 * once (a guarded UPDATE on `status` and `version`), and published as a portal FAQ by staff.
 */
export const serviceBoardQuestions = pgTable(
  'service_board_questions',
  {
    ...businessColumns,
    status: text('status').notNull().default('open'),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    title: text('title').notNull(),
    content: text('content').notNull(),
    topic: text('topic'),
    policyRef: text('policy_ref'),
    departmentId: integer('department_id').references(() => serviceDepartments.id),
    answer: text('answer'),
    answeredBy: text('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    isFaq: boolean('is_faq').notNull().default(false),
  },
  (table) => [
    index('service_board_questions_enterprise_idx').on(table.enterpriseId),
    index('service_board_questions_status_idx').on(table.status, table.departmentId),
  ],
);
