CREATE TABLE "file_blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_calls" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"category_id" integer NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"guideline" text DEFAULT '' NOT NULL,
	"guideline_file_id" integer,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"district_review_deadline" timestamp with time zone,
	"budget_fen" bigint,
	"allow_resubmission" boolean DEFAULT true NOT NULL,
	"rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"publicity_working_days" integer DEFAULT 7 NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"funding_mode" text NOT NULL,
	"level" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"application_id" integer NOT NULL,
	"call_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"project_no" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"principal_name" text,
	"principal_id_number" text,
	"approved_fen" bigint NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"extended_end_on" date,
	"established_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acceptance_outcome" text,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "project_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"call_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"application_no" text,
	"title" text DEFAULT '' NOT NULL,
	"principal_name" text,
	"principal_id_number" text,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"requested_fen" bigint DEFAULT 0 NOT NULL,
	"approved_fen" bigint,
	"submitted_at" timestamp with time zone,
	"review_score" integer,
	"review_rank" integer,
	"upstream_granted_fen" bigint,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"purpose" text NOT NULL,
	"owner_enterprise_id" integer,
	"uploaded_by" integer
);
--> statement-breakpoint
ALTER TABLE "plan_calls" ADD CONSTRAINT "plan_calls_category_id_plan_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."plan_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_calls" ADD CONSTRAINT "plan_calls_guideline_file_id_stored_files_id_fk" FOREIGN KEY ("guideline_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_projects" ADD CONSTRAINT "plan_projects_application_id_project_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."project_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_projects" ADD CONSTRAINT "plan_projects_call_id_plan_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."plan_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_projects" ADD CONSTRAINT "plan_projects_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_applications" ADD CONSTRAINT "project_applications_call_id_plan_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."plan_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_applications" ADD CONSTRAINT "project_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_sha256_file_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."file_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_owner_enterprise_id_enterprises_id_fk" FOREIGN KEY ("owner_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_calls_category_year_idx" ON "plan_calls" USING btree ("category_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_categories_code_key" ON "plan_categories" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_projects_application_key" ON "plan_projects" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_projects_no_key" ON "plan_projects" USING btree ("project_no");--> statement-breakpoint
CREATE INDEX "plan_projects_enterprise_idx" ON "plan_projects" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "plan_projects_status_idx" ON "plan_projects" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "project_applications_call_enterprise_key" ON "project_applications" USING btree ("call_id","enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_applications_no_key" ON "project_applications" USING btree ("application_no");--> statement-breakpoint
CREATE INDEX "project_applications_status_idx" ON "project_applications" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "project_applications_enterprise_idx" ON "project_applications" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "stored_files_owner_idx" ON "stored_files" USING btree ("owner_enterprise_id");