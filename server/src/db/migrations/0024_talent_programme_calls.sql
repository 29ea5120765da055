ALTER TABLE "plan_categories" ADD COLUMN "talent_programme_code" text;--> statement-breakpoint
ALTER TABLE "talent_programme_records" ADD COLUMN "application_id" integer;--> statement-breakpoint
ALTER TABLE "talents" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "talent_programme_records" ADD CONSTRAINT "talent_programme_records_application_id_project_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."project_applications"("id") ON DELETE no action ON UPDATE no action;