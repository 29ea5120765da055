CREATE TABLE "service_campaign_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"kind" text NOT NULL,
	"team" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"slogan" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_event_questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"enterprise_id" integer,
	"question" text NOT NULL,
	"answer" text,
	"is_faq" boolean DEFAULT false NOT NULL,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_event_signups" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"enterprise_id" integer,
	"organisation" text NOT NULL,
	"attendees" jsonb NOT NULL,
	"people" integer NOT NULL,
	"code" text NOT NULL,
	"walk_in" boolean DEFAULT false NOT NULL,
	"checked_in_at" timestamp with time zone,
	"satisfaction" smallint,
	"feedback" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_event_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"type_id" integer NOT NULL,
	"title" text NOT NULL,
	"topic" text NOT NULL,
	"speakers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"place" text,
	"online_link" text,
	"held_on" date NOT NULL,
	"start_time" text NOT NULL,
	"capacity" integer NOT NULL,
	"signup_deadline" date NOT NULL,
	"audience" text NOT NULL,
	"audience_note" text,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_problems" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"visit_id" integer,
	"enterprise_id" integer NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"department_id" integer NOT NULL,
	"assignee" text,
	"assigned_on" date NOT NULL,
	"limit_days" integer NOT NULL,
	"due_on" date NOT NULL,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"extension_reason" text,
	"measure" text,
	"replied_on" date,
	"rating" text,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"closed_on" date
);
--> statement-breakpoint
CREATE TABLE "service_visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"campaign_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"visited_on" date NOT NULL,
	"team" text NOT NULL,
	"visitors" text NOT NULL,
	"met" text NOT NULL,
	"findings" text NOT NULL,
	"suggestions" text
);
--> statement-breakpoint
ALTER TABLE "service_campaign_targets" ADD CONSTRAINT "service_campaign_targets_campaign_id_service_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."service_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_campaign_targets" ADD CONSTRAINT "service_campaign_targets_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_event_questions" ADD CONSTRAINT "service_event_questions_event_id_service_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."service_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_event_questions" ADD CONSTRAINT "service_event_questions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_event_signups" ADD CONSTRAINT "service_event_signups_event_id_service_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."service_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_event_signups" ADD CONSTRAINT "service_event_signups_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_events" ADD CONSTRAINT "service_events_type_id_service_event_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."service_event_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_problems" ADD CONSTRAINT "service_problems_visit_id_service_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."service_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_problems" ADD CONSTRAINT "service_problems_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_problems" ADD CONSTRAINT "service_problems_department_id_service_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."service_departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_visits" ADD CONSTRAINT "service_visits_campaign_id_service_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."service_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_visits" ADD CONSTRAINT "service_visits_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_campaign_targets_key" ON "service_campaign_targets" USING btree ("campaign_id","enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_departments_name_key" ON "service_departments" USING btree ("name");--> statement-breakpoint
CREATE INDEX "service_event_questions_event_idx" ON "service_event_questions" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_event_signups_code_key" ON "service_event_signups" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "service_event_signups_event_enterprise_key" ON "service_event_signups" USING btree ("event_id","enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_event_types_code_key" ON "service_event_types" USING btree ("code");--> statement-breakpoint
CREATE INDEX "service_events_held_on_idx" ON "service_events" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "service_problems_status_idx" ON "service_problems" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "service_problems_enterprise_idx" ON "service_problems" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "service_visits_campaign_idx" ON "service_visits" USING btree ("campaign_id","visited_on");--> statement-breakpoint
INSERT INTO "service_event_types" ("code", "name", "sort_order") VALUES
  ('training', '专题培训班', 10),
  ('qa', '答疑活动', 20),
  ('policy-talk', '政策宣讲', 30),
  ('matchmaking', '产学研对接会', 40),
  ('application-coaching', '申报辅导', 50);
--> statement-breakpoint
INSERT INTO "service_departments" ("name", "kind", "sort_order") VALUES
  ('区科技局办公室', 'section', 10),
  ('区科技局高新技术科', 'section', 20),
  ('区科技局成果转化科', 'section', 30),
  ('区科技局人才科', 'section', 40),
  ('区发展和改革局', 'bureau', 50),
  ('区工业和信息化局', 'bureau', 60),
  ('区财政局', 'bureau', 70),
  ('区人力资源和社会保障局', 'bureau', 80),
  ('区自然资源局', 'bureau', 90),
  ('区地方金融监管局', 'bureau', 100),
  ('古槐街道办事处', 'street', 110),
  ('济阳街道办事处', 'street', 120);
