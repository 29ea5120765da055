CREATE TABLE "talent_channels" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_help_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"talent_id" integer NOT NULL,
	"kind" text NOT NULL,
	"helped_on" date NOT NULL,
	"handled_by" text NOT NULL,
	"outcome" text NOT NULL,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"talent_id" integer NOT NULL,
	"platform_id" integer,
	"project_id" integer,
	"role" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_programme_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"talent_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"year" integer NOT NULL,
	"nominated_on" date NOT NULL,
	"outcome_on" date,
	"status" text NOT NULL,
	"funding_fen" bigint,
	"platform_id" integer,
	"project_id" integer,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "talent_programmes" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_wage_bases" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"city" text NOT NULL,
	"year" integer NOT NULL,
	"average_wage_fen" bigint NOT NULL,
	"basis" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talents" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_year" integer NOT NULL,
	"origin" text NOT NULL,
	"nationality" text NOT NULL,
	"id_type" text NOT NULL,
	"id_number_cipher" text NOT NULL,
	"id_number_digest" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"contact_cipher" text,
	"contact_masked" text,
	"degree" text NOT NULL,
	"title" text,
	"field" text NOT NULL,
	"employer_enterprise_id" integer,
	"employer_platform_id" integer,
	"position" text,
	"arrival_date" date NOT NULL,
	"channel_id" integer NOT NULL,
	"discovery" text,
	"employment_mode" text NOT NULL,
	"foreign" jsonb,
	"permit_class" text,
	"permit_reminded_for" date,
	"created_by" integer
);
--> statement-breakpoint
ALTER TABLE "talent_help_records" ADD CONSTRAINT "talent_help_records_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_help_records" ADD CONSTRAINT "talent_help_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_links" ADD CONSTRAINT "talent_links_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_links" ADD CONSTRAINT "talent_links_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_links" ADD CONSTRAINT "talent_links_project_id_plan_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plan_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_programme_records" ADD CONSTRAINT "talent_programme_records_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_programme_records" ADD CONSTRAINT "talent_programme_records_programme_id_talent_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."talent_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_programme_records" ADD CONSTRAINT "talent_programme_records_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_programme_records" ADD CONSTRAINT "talent_programme_records_project_id_plan_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."plan_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_employer_enterprise_id_enterprises_id_fk" FOREIGN KEY ("employer_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_employer_platform_id_platforms_id_fk" FOREIGN KEY ("employer_platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_channel_id_talent_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."talent_channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "talent_channels_code_key" ON "talent_channels" USING btree ("code");--> statement-breakpoint
CREATE INDEX "talent_help_records_talent_idx" ON "talent_help_records" USING btree ("talent_id");--> statement-breakpoint
CREATE INDEX "talent_links_talent_idx" ON "talent_links" USING btree ("talent_id");--> statement-breakpoint
CREATE INDEX "talent_links_platform_idx" ON "talent_links" USING btree ("platform_id");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_programme_records_key" ON "talent_programme_records" USING btree ("talent_id","programme_id","year");--> statement-breakpoint
CREATE INDEX "talent_programme_records_programme_idx" ON "talent_programme_records" USING btree ("programme_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_programmes_code_key" ON "talent_programmes" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "talent_wage_bases_city_year_key" ON "talent_wage_bases" USING btree ("city","year");--> statement-breakpoint
CREATE UNIQUE INDEX "talents_id_number_digest_key" ON "talents" USING btree ("id_number_digest");--> statement-breakpoint
CREATE INDEX "talents_employer_idx" ON "talents" USING btree ("employer_enterprise_id");--> statement-breakpoint
CREATE INDEX "talents_arrival_idx" ON "talents" USING btree ("arrival_date");--> statement-breakpoint
INSERT INTO "talent_channels" ("code", "name", "sort_order") VALUES
  ('overseas-station', '海外人才联络站', 10),
  ('foreign-expertise-alliance', '引进外国智力联盟', 20),
  ('city-research-institute', '市产业技术研究院', 30),
  ('headhunter', '猎头', 40),
  ('self', '自主引进', 50)
ON CONFLICT ("code") DO NOTHING;
--> statement-breakpoint
INSERT INTO "talent_programmes" ("code", "name", "level", "sort_order") VALUES
  ('district-leading', '区级领军人才项目', 'district', 10),
  ('city-innovation-leading', '市创新领军人才计划', 'city', 20),
  ('taishan-industry-leading', '泰山产业领军人才工程', 'province', 30),
  ('foreign-expert-double-hundred', '外专双百计划', 'province', 40)
ON CONFLICT ("code") DO NOTHING;
