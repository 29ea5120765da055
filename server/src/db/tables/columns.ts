import { integer, serial, timestamp } from 'drizzle-orm/pg-core';

/** `id`, `created_at`, `updated_at`, `version` on every business table; `version` drives 409 on stale writes. */
export const businessColumns = {
  id: serial('id').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
};
