CREATE TABLE "application_formal_checks" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"action" text NOT NULL,
	"results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"comment" text,
	"checked_by" integer,
	"checked_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disbursement_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"plan_project_id" integer NOT NULL,
	"installments" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"user_id" integer,
	"name" text NOT NULL,
	"person_id" text,
	"title" text NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"organisation_name" text NOT NULL,
	"organisation_credit_code" text,
	"affiliations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"phone" text NOT NULL,
	"email" text,
	"is_available" boolean DEFAULT true NOT NULL,
	"status" text NOT NULL,
	"relations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"collaborations" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_awards" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"enterprise_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"document_no" text NOT NULL,
	"granted_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_project_acceptance_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" integer NOT NULL,
	"final_report_id" integer,
	"action" text NOT NULL,
	"opinion" text NOT NULL,
	"rectification_due_on" date,
	"decided_by" integer,
	"decided_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_project_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attachment_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision_opinion" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_project_final_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" integer NOT NULL,
	"round" integer NOT NULL,
	"summary" text NOT NULL,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"financial" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attachment_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by" integer
);
--> statement-breakpoint
CREATE TABLE "plan_project_fund_recoveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" integer NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" integer,
	"recorded_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_project_mid_term_checks" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" integer NOT NULL,
	"checked_on" date NOT NULL,
	"method" text NOT NULL,
	"result" text NOT NULL,
	"opinion" text NOT NULL,
	"recorded_by" integer,
	"recorded_by_name" text NOT NULL,
	CONSTRAINT "plan_project_mid_term_checks_project_id_unique" UNIQUE("project_id")
);
--> statement-breakpoint
CREATE TABLE "plan_project_progress_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"period_no" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"progress" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"spent_fen" bigint,
	"issues" text DEFAULT '' NOT NULL,
	"next_plan" text DEFAULT '' NOT NULL,
	"attachment_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"review_opinion" text,
	"reviewed_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	"last_reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_project_report_schedules" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" integer NOT NULL,
	"interval_months" integer DEFAULT 6 NOT NULL,
	CONSTRAINT "plan_project_report_schedules_project_id_unique" UNIQUE("project_id")
);
--> statement-breakpoint
CREATE TABLE "project_payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"plan_project_id" integer NOT NULL,
	"paid_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"voucher_no" text NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publicity_notice_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"notice_id" integer NOT NULL,
	"application_id" integer NOT NULL,
	"enterprise_name" text NOT NULL,
	"title" text NOT NULL,
	"approved_fen" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publicity_notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"call_id" integer NOT NULL,
	"title" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"working_days" integer NOT NULL,
	"established_at" timestamp with time zone,
	"ended_reminder_sent_at" timestamp with time zone,
	"created_by" integer
);
--> statement-breakpoint
CREATE TABLE "publicity_objections" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"notice_id" integer NOT NULL,
	"application_id" integer NOT NULL,
	"source" text NOT NULL,
	"content" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"received_on" date NOT NULL,
	"resolution" text,
	"resolution_note" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" integer
);
--> statement-breakpoint
CREATE TABLE "review_assignment_jobs" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"round_id" integer NOT NULL,
	"method" text NOT NULL,
	"seed" bigint,
	"status" text NOT NULL,
	"stage" text,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"is_cancel_requested" boolean DEFAULT false NOT NULL,
	"round_version" integer NOT NULL,
	"result" jsonb,
	"created_by" integer
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"round_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"expert_id" integer NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"reason" text,
	"responded_at" timestamp with time zone,
	"decline_reason" text,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"vote" text,
	"comment" text DEFAULT '' NOT NULL,
	"saved_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"reopened_until" timestamp with time zone,
	"last_reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "review_conflict_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"round_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"expert_id" integer NOT NULL,
	"kind" text NOT NULL,
	"conflict_type" text NOT NULL,
	"reason" text NOT NULL,
	"decided_by" integer
);
--> statement-breakpoint
CREATE TABLE "review_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"round_id" integer NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" integer NOT NULL,
	"title" text NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conflict_subject" jsonb NOT NULL,
	"consensus_opinion" text,
	"result_score" integer,
	"result_rank" integer,
	"result" jsonb
);
--> statement-breakpoint
CREATE TABLE "review_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"subject_type" text NOT NULL,
	"call_id" integer,
	"mode" text NOT NULL,
	"rubric" jsonb NOT NULL,
	"reviewers_per_item" integer NOT NULL,
	"load_cap" integer NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"hide_identities" boolean DEFAULT true NOT NULL,
	"comment_below" integer,
	"comment_above" integer,
	"status" text NOT NULL,
	"assignment_method" text,
	"assignment_seed" bigint,
	"released_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_by" integer
);
--> statement-breakpoint
CREATE TABLE "risk_compensations" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"enterprise_id" integer NOT NULL,
	"bank_name" text NOT NULL,
	"loan_fen" bigint NOT NULL,
	"compensation_fen" bigint NOT NULL,
	"compensated_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_contracts" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"plan_project_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"signed_file_id" integer,
	"in_force_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "application_formal_checks" ADD CONSTRAINT "application_formal_checks_application_id_project_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."project_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_formal_checks" ADD CONSTRAINT "application_formal_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursement_plans" ADD CONSTRAINT "disbursement_plans_plan_project_id_plan_projects_id_fk" FOREIGN KEY ("plan_project_id") REFERENCES "public"."plan_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_awards" ADD CONSTRAINT "fund_awards_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_acceptance_decisions" ADD CONSTRAINT "plan_project_acceptance_decisions_project_id_plan_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plan_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_acceptance_decisions" ADD CONSTRAINT "plan_project_acceptance_decisions_final_report_id_plan_project_final_reports_id_fk" FOREIGN KEY ("final_report_id") REFERENCES "public"."plan_project_final_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_acceptance_decisions" ADD CONSTRAINT "plan_project_acceptance_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_changes" ADD CONSTRAINT "plan_project_changes_project_id_plan_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plan_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_changes" ADD CONSTRAINT "plan_project_changes_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_final_reports" ADD CONSTRAINT "plan_project_final_reports_project_id_plan_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plan_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_final_reports" ADD CONSTRAINT "plan_project_final_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_fund_recoveries" ADD CONSTRAINT "plan_project_fund_recoveries_project_id_plan_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plan_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_fund_recoveries" ADD CONSTRAINT "plan_project_fund_recoveries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_mid_term_checks" ADD CONSTRAINT "plan_project_mid_term_checks_project_id_plan_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plan_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_mid_term_checks" ADD CONSTRAINT "plan_project_mid_term_checks_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_progress_reports" ADD CONSTRAINT "plan_project_progress_reports_project_id_plan_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plan_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_progress_reports" ADD CONSTRAINT "plan_project_progress_reports_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_project_report_schedules" ADD CONSTRAINT "plan_project_report_schedules_project_id_plan_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plan_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_payments" ADD CONSTRAINT "project_payments_plan_project_id_plan_projects_id_fk" FOREIGN KEY ("plan_project_id") REFERENCES "public"."plan_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_notice_items" ADD CONSTRAINT "publicity_notice_items_notice_id_publicity_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."publicity_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_notice_items" ADD CONSTRAINT "publicity_notice_items_application_id_project_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."project_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_notices" ADD CONSTRAINT "publicity_notices_call_id_plan_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."plan_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_notices" ADD CONSTRAINT "publicity_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_objections" ADD CONSTRAINT "publicity_objections_notice_id_publicity_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."publicity_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_objections" ADD CONSTRAINT "publicity_objections_application_id_project_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."project_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_objections" ADD CONSTRAINT "publicity_objections_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignment_jobs" ADD CONSTRAINT "review_assignment_jobs_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignment_jobs" ADD CONSTRAINT "review_assignment_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_item_id_review_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."review_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_conflict_decisions" ADD CONSTRAINT "review_conflict_decisions_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_conflict_decisions" ADD CONSTRAINT "review_conflict_decisions_item_id_review_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."review_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_conflict_decisions" ADD CONSTRAINT "review_conflict_decisions_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_conflict_decisions" ADD CONSTRAINT "review_conflict_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_call_id_plan_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."plan_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_rounds" ADD CONSTRAINT "review_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_compensations" ADD CONSTRAINT "risk_compensations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_contracts" ADD CONSTRAINT "task_contracts_plan_project_id_plan_projects_id_fk" FOREIGN KEY ("plan_project_id") REFERENCES "public"."plan_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_contracts" ADD CONSTRAINT "task_contracts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_contracts" ADD CONSTRAINT "task_contracts_signed_file_id_stored_files_id_fk" FOREIGN KEY ("signed_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_formal_checks_application_idx" ON "application_formal_checks" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disbursement_plans_project_key" ON "disbursement_plans" USING btree ("plan_project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "experts_user_key" ON "experts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "experts_status_idx" ON "experts" USING btree ("status");--> statement-breakpoint
CREATE INDEX "fund_awards_year_idx" ON "fund_awards" USING btree ("year");--> statement-breakpoint
CREATE INDEX "fund_awards_enterprise_idx" ON "fund_awards" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "plan_project_acceptance_decisions_project_idx" ON "plan_project_acceptance_decisions" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_project_acceptance_one_rectification_key" ON "plan_project_acceptance_decisions" USING btree ("project_id") WHERE action = 'requireRectification';--> statement-breakpoint
CREATE INDEX "plan_project_changes_project_idx" ON "plan_project_changes" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "plan_project_changes_status_idx" ON "plan_project_changes" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_project_changes_one_extension_key" ON "plan_project_changes" USING btree ("project_id") WHERE kind = 'extension' and status in ('submitted', 'approved');--> statement-breakpoint
CREATE UNIQUE INDEX "plan_project_final_reports_round_key" ON "plan_project_final_reports" USING btree ("project_id","round");--> statement-breakpoint
CREATE INDEX "plan_project_fund_recoveries_project_idx" ON "plan_project_fund_recoveries" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_project_progress_reports_period_key" ON "plan_project_progress_reports" USING btree ("project_id","period_no");--> statement-breakpoint
CREATE INDEX "plan_project_progress_reports_due_idx" ON "plan_project_progress_reports" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "plan_project_progress_reports_enterprise_idx" ON "plan_project_progress_reports" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "project_payments_project_idx" ON "project_payments" USING btree ("plan_project_id");--> statement-breakpoint
CREATE INDEX "project_payments_paid_idx" ON "project_payments" USING btree ("paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "publicity_notice_items_application_key" ON "publicity_notice_items" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "publicity_notices_call_idx" ON "publicity_notices" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "publicity_objections_notice_idx" ON "publicity_objections" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "review_assignment_jobs_round_idx" ON "review_assignment_jobs" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_item_expert_key" ON "review_assignments" USING btree ("item_id","expert_id");--> statement-breakpoint
CREATE INDEX "review_assignments_expert_idx" ON "review_assignments" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "review_assignments_round_idx" ON "review_assignments" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "review_conflict_decisions_round_idx" ON "review_conflict_decisions" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_items_round_subject_key" ON "review_items" USING btree ("round_id","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "review_rounds_call_idx" ON "review_rounds" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "risk_compensations_date_idx" ON "risk_compensations" USING btree ("compensated_on");--> statement-breakpoint
CREATE INDEX "risk_compensations_enterprise_idx" ON "risk_compensations" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_contracts_project_key" ON "task_contracts" USING btree ("plan_project_id");