ALTER TABLE "work_calendars" ADD COLUMN "official_holidays" jsonb;--> statement-breakpoint
ALTER TABLE "work_calendars" ADD COLUMN "official_workdays" jsonb;--> statement-breakpoint
ALTER TABLE "work_calendars" ADD COLUMN "official_source" text;--> statement-breakpoint
ALTER TABLE "work_calendars" ADD COLUMN "is_overridden" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- A year the administrator already edited keeps the edit over the official calendar filled at start.
UPDATE "work_calendars" SET "is_overridden" = true WHERE EXISTS (SELECT 1 FROM "audit_log" WHERE "audit_log"."event" = 'settings.calendar.update' AND "audit_log"."object_id" = "work_calendars"."year"::text);