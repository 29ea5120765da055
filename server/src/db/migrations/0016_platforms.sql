CREATE TABLE "platform_hosts" (
	"id" serial PRIMARY KEY NOT NULL,
	"platform_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_level_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"platform_id" integer NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"recognized_on" date NOT NULL,
	"approving_body" text NOT NULL,
	"document_no" text NOT NULL,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"levels" jsonb NOT NULL,
	"authority" text NOT NULL,
	"allows_several_hosts" boolean DEFAULT false NOT NULL,
	"counts_for_coverage" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platforms" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"type_id" integer NOT NULL,
	"level" text NOT NULL,
	"status" text NOT NULL,
	"approving_body" text NOT NULL,
	"document_no" text NOT NULL,
	"recognized_on" date NOT NULL,
	"first_recognized_on" date NOT NULL,
	"ended_on" date,
	"field" text,
	"street" text,
	"area_square_meters" integer,
	"staff_count" integer,
	"equipment_fen" bigint,
	"contact_name" text,
	"contact_phone" text
);
--> statement-breakpoint
ALTER TABLE "platform_hosts" ADD CONSTRAINT "platform_hosts_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_hosts" ADD CONSTRAINT "platform_hosts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_level_history" ADD CONSTRAINT "platform_level_history_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_level_history" ADD CONSTRAINT "platform_level_history_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_type_id_platform_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."platform_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "platform_hosts_platform_enterprise_key" ON "platform_hosts" USING btree ("platform_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "platform_hosts_enterprise_idx" ON "platform_hosts" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "platform_level_history_platform_idx" ON "platform_level_history" USING btree ("platform_id","recognized_on");--> statement-breakpoint
CREATE INDEX "platform_level_history_date_idx" ON "platform_level_history" USING btree ("recognized_on");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_types_code_key" ON "platform_types" USING btree ("code");--> statement-breakpoint
CREATE INDEX "platforms_type_level_idx" ON "platforms" USING btree ("type_id","level");--> statement-breakpoint
CREATE INDEX "platforms_status_idx" ON "platforms" USING btree ("status");--> statement-breakpoint
-- The platform types of DOMAIN-RULES §7.1 and §11 (domain DEFAULT_PLATFORM_TYPES); staff edit them afterwards.
INSERT INTO "platform_types" ("code", "name", "levels", "authority", "allows_several_hosts", "counts_for_coverage", "sort_order") VALUES
  ('makerspace', '众创空间', '["national","provincial","city","district"]'::jsonb, 'SCI', false, false, 10),
  ('incubator', '科技企业孵化器', '["national","provincial","city","district"]'::jsonb, 'SCI', false, false, 20),
  ('university-park', '大学科技园', '["national","provincial"]'::jsonb, 'SCI', false, false, 30),
  ('new-rd-institute', '新型研发机构', '["provincial","city"]'::jsonb, 'SCI', false, true, 40),
  ('key-lab', '重点实验室', '["national","provincial","city"]'::jsonb, 'SCI', false, true, 50),
  ('tech-innovation-center', '技术创新中心', '["national","provincial","city"]'::jsonb, 'SCI', false, true, 60),
  ('engineering-center', '工程技术研究中心', '["national","provincial","city"]'::jsonb, 'SCI', false, true, 70),
  ('academician-station', '院士工作站', '["provincial","city"]'::jsonb, 'SCI', false, true, 80),
  ('pilot-base', '科技成果转化中试基地', '["provincial","city"]'::jsonb, 'SCI', false, false, 90),
  ('talent-enclave', '人才飞地', '["city","district"]'::jsonb, 'SCI', false, false, 100),
  ('innovation-community', '创新创业共同体', '["provincial","city"]'::jsonb, 'SCI', true, false, 110),
  ('enterprise-tech-center', '企业技术中心', '["national","provincial","city"]'::jsonb, 'MIIT', false, true, 120);
