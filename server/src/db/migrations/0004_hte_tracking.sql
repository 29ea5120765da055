CREATE TABLE "hte_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"enterprise_id" integer NOT NULL,
	"batch_id" integer NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hte_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"submission_deadline" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hte_helpers" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"is_lead" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hte_service_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"application_id" integer NOT NULL,
	"kind" text NOT NULL,
	"happened_on" date NOT NULL,
	"summary" text NOT NULL,
	"recorded_by" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hte_applications" ADD CONSTRAINT "hte_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hte_applications" ADD CONSTRAINT "hte_applications_batch_id_hte_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."hte_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hte_helpers" ADD CONSTRAINT "hte_helpers_application_id_hte_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."hte_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hte_helpers" ADD CONSTRAINT "hte_helpers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hte_service_records" ADD CONSTRAINT "hte_service_records_application_id_hte_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."hte_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hte_service_records" ADD CONSTRAINT "hte_service_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hte_applications_enterprise_year_key" ON "hte_applications" USING btree ("enterprise_id","year");--> statement-breakpoint
CREATE INDEX "hte_applications_batch_idx" ON "hte_applications" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hte_batches_year_name_key" ON "hte_batches" USING btree ("year","name");--> statement-breakpoint
CREATE UNIQUE INDEX "hte_helpers_application_user_key" ON "hte_helpers" USING btree ("application_id","user_id");--> statement-breakpoint
CREATE INDEX "hte_service_records_application_idx" ON "hte_service_records" USING btree ("application_id");