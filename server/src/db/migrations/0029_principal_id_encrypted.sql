ALTER TABLE "plan_projects" ADD COLUMN "principal_id_digest" text;--> statement-breakpoint
ALTER TABLE "project_applications" ADD COLUMN "principal_id_digest" text;--> statement-breakpoint
CREATE INDEX "plan_projects_principal_digest_idx" ON "plan_projects" USING btree ("principal_id_digest");--> statement-breakpoint
CREATE INDEX "project_applications_principal_digest_idx" ON "project_applications" USING btree ("principal_id_digest","year");