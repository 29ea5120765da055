ALTER TABLE "users" ADD COLUMN "department_id" integer;--> statement-breakpoint
ALTER TABLE "service_events" ADD COLUMN "audience_targets" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "service_events" ADD COLUMN "invited_enterprise_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "service_problems" ADD COLUMN "extension_request_days" integer;--> statement-breakpoint
ALTER TABLE "service_problems" ADD COLUMN "extension_request_reason" text;--> statement-breakpoint
ALTER TABLE "service_problems" ADD COLUMN "extension_requested_on" date;--> statement-breakpoint
ALTER TABLE "service_problems" ADD COLUMN "due_soon_noticed_for" date;--> statement-breakpoint
ALTER TABLE "service_problems" ADD COLUMN "overdue_noticed_for" date;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_service_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."service_departments"("id") ON DELETE no action ON UPDATE no action;
