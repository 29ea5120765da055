import type { ChecklistValues, PlatformLevel } from '@kechuang/domain';
import { date, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { businessColumns } from './columns';
import { enterprises } from './core';
import { platforms, platformTypes } from './platforms';

/**
 * 平台认定（升级）推荐申请: an enterprise's application for a type × level, for a new platform
 * (`platform_id` null) or to raise one it hosts. The outcome's body, 文号 and date are recorded
 * when the higher authority approves, with the platform it created or raised.
 */
export const platformApplications = pgTable(
  'platform_applications',
  {
    ...businessColumns,
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    platformId: integer('platform_id').references(() => platforms.id),
    typeId: integer('type_id')
      .notNull()
      .references(() => platformTypes.id),
    level: text('level').$type<PlatformLevel>().notNull(),
    name: text('name').notNull(),
    summary: text('summary').notNull().default(''),
    values: jsonb('values').$type<ChecklistValues>().notNull().default({}),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    status: text('status').notNull(),
    submittedOn: date('submitted_on'),
    approvingBody: text('approving_body'),
    documentNo: text('document_no'),
    recognizedOn: date('recognized_on'),
    resultPlatformId: integer('result_platform_id').references(() => platforms.id),
  },
  (table) => [
    index('platform_applications_enterprise_idx').on(table.enterpriseId),
    index('platform_applications_status_idx').on(table.status),
  ],
);
