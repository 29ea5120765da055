CREATE TABLE "cultivation_pool_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"enterprise_id" integer NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"decision_opinion" text,
	"decided_at" timestamp with time zone,
	"decision_precheck" jsonb
);
--> statement-breakpoint
CREATE TABLE "enterprise_tiers" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"enterprise_id" integer NOT NULL,
	"tier_label_id" integer NOT NULL,
	"year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "high_tech_certificates" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"enterprise_id" integer NOT NULL,
	"certificate_number" text NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"remind_on" date NOT NULL,
	"reminder_sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tech_sme_registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"enterprise_id" integer NOT NULL,
	"year" integer NOT NULL,
	"registration_number" text NOT NULL,
	"registered_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tier_labels" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cultivation_pool_entries" ADD CONSTRAINT "cultivation_pool_entries_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_tiers" ADD CONSTRAINT "enterprise_tiers_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_tiers" ADD CONSTRAINT "enterprise_tiers_tier_label_id_tier_labels_id_fk" FOREIGN KEY ("tier_label_id") REFERENCES "public"."tier_labels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "high_tech_certificates" ADD CONSTRAINT "high_tech_certificates_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_sme_registrations" ADD CONSTRAINT "tech_sme_registrations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cultivation_pool_entries_enterprise_year_key" ON "cultivation_pool_entries" USING btree ("enterprise_id","year");--> statement-breakpoint
CREATE INDEX "cultivation_pool_entries_status_idx" ON "cultivation_pool_entries" USING btree ("status","year");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_tiers_key" ON "enterprise_tiers" USING btree ("enterprise_id","tier_label_id","year");--> statement-breakpoint
CREATE INDEX "enterprise_tiers_year_idx" ON "enterprise_tiers" USING btree ("year","tier_label_id");--> statement-breakpoint
CREATE UNIQUE INDEX "high_tech_certificates_number_key" ON "high_tech_certificates" USING btree ("certificate_number");--> statement-breakpoint
CREATE INDEX "high_tech_certificates_enterprise_idx" ON "high_tech_certificates" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "high_tech_certificates_expires_on_idx" ON "high_tech_certificates" USING btree ("expires_on");--> statement-breakpoint
CREATE UNIQUE INDEX "tech_sme_registrations_enterprise_year_key" ON "tech_sme_registrations" USING btree ("enterprise_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "tech_sme_registrations_number_key" ON "tech_sme_registrations" USING btree ("registration_number");--> statement-breakpoint
CREATE INDEX "tech_sme_registrations_year_idx" ON "tech_sme_registrations" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "tier_labels_code_key" ON "tier_labels" USING btree ("code");