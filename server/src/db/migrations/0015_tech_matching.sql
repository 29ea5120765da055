CREATE TABLE "tech_event_signups" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tech_event_signups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"event_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"attendees" integer NOT NULL,
	"attended" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tech_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"venue" text NOT NULL,
	"organiser" text NOT NULL,
	"capacity" integer NOT NULL,
	"signup_deadline" date NOT NULL,
	"guests" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"need_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"result_ids" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tech_institutions" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"credit_code" text,
	"region_code" text NOT NULL,
	"contact_name" text,
	"contact_phone" text
);
--> statement-breakpoint
CREATE TABLE "tech_match_documents" (
	"kind" text NOT NULL,
	"record_id" integer NOT NULL,
	"weight_sum" real NOT NULL,
	"field" text,
	"industries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"region_code" text,
	"source_version" integer NOT NULL,
	CONSTRAINT "tech_match_documents_kind_record_id_pk" PRIMARY KEY("kind","record_id")
);
--> statement-breakpoint
CREATE TABLE "tech_match_terms" (
	"kind" text NOT NULL,
	"term" text NOT NULL,
	"record_id" integer NOT NULL,
	"weight" smallint NOT NULL,
	CONSTRAINT "tech_match_terms_kind_term_record_id_pk" PRIMARY KEY("kind","term","record_id")
);
--> statement-breakpoint
CREATE TABLE "tech_matchings" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"need_id" integer NOT NULL,
	"result_id" integer,
	"expert_id" integer,
	"event_id" integer,
	"source" text NOT NULL,
	"score" real,
	"reason" text,
	"note" text,
	"contract_id" integer,
	"created_by" integer
);
--> statement-breakpoint
CREATE TABLE "tech_needs" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"enterprise_id" integer NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"field" text NOT NULL,
	"industry" text,
	"problem" text NOT NULL,
	"budget_fen" bigint,
	"deadline" date NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"visibility" text NOT NULL,
	"reject_reason" text,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tech_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"institution_id" integer,
	"expert_id" integer,
	"created_by" integer,
	"title" text NOT NULL,
	"field" text NOT NULL,
	"industry" text,
	"description" text NOT NULL,
	"trl" smallint NOT NULL,
	"ip_kind" text NOT NULL,
	"ip_number" text,
	"modes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"price_min_fen" bigint,
	"price_max_fen" bigint,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"reject_reason" text,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "tech_event_signups" ADD CONSTRAINT "tech_event_signups_event_id_tech_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."tech_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_event_signups" ADD CONSTRAINT "tech_event_signups_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_matchings" ADD CONSTRAINT "tech_matchings_need_id_tech_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."tech_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_matchings" ADD CONSTRAINT "tech_matchings_result_id_tech_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."tech_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_matchings" ADD CONSTRAINT "tech_matchings_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_matchings" ADD CONSTRAINT "tech_matchings_event_id_tech_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."tech_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_matchings" ADD CONSTRAINT "tech_matchings_contract_id_tech_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."tech_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_matchings" ADD CONSTRAINT "tech_matchings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_needs" ADD CONSTRAINT "tech_needs_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_results" ADD CONSTRAINT "tech_results_institution_id_tech_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."tech_institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_results" ADD CONSTRAINT "tech_results_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_results" ADD CONSTRAINT "tech_results_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tech_event_signups_event_enterprise_key" ON "tech_event_signups" USING btree ("event_id","enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tech_institutions_name_key" ON "tech_institutions" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "tech_institutions_credit_code_key" ON "tech_institutions" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "tech_match_terms_record_idx" ON "tech_match_terms" USING btree ("kind","record_id");--> statement-breakpoint
CREATE INDEX "tech_matchings_need_idx" ON "tech_matchings" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "tech_matchings_result_idx" ON "tech_matchings" USING btree ("result_id");--> statement-breakpoint
CREATE INDEX "tech_matchings_expert_idx" ON "tech_matchings" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "tech_matchings_event_idx" ON "tech_matchings" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "tech_needs_enterprise_idx" ON "tech_needs" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "tech_needs_status_idx" ON "tech_needs" USING btree ("status","visibility");--> statement-breakpoint
CREATE INDEX "tech_results_status_idx" ON "tech_results" USING btree ("status");--> statement-breakpoint
CREATE INDEX "tech_results_institution_idx" ON "tech_results" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "tech_results_expert_idx" ON "tech_results" USING btree ("expert_id");