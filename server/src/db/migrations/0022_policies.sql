CREATE TABLE "policies" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"theme" text NOT NULL,
	"index_no" text,
	"document_no" text NOT NULL,
	"issuer" text NOT NULL,
	"written_on" date NOT NULL,
	"published_on" date NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"full_text" text NOT NULL,
	"interpretation" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"supersedes_id" integer,
	"repealed_on" date
);
--> statement-breakpoint
CREATE TABLE "policy_guide_distributions" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition" integer NOT NULL,
	"recipient" text NOT NULL,
	"copies" integer NOT NULL,
	"distributed_on" date NOT NULL,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"policy_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"beneficiaries" text NOT NULL,
	"conditions" jsonb NOT NULL,
	"amount" jsonb NOT NULL,
	"fulfil_mode" text NOT NULL,
	"fulfil_days" integer,
	"window_from" date,
	"window_to" date,
	"department" text NOT NULL,
	"contact" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_payouts" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"year" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"confirmed_on" date NOT NULL,
	"reasons" jsonb NOT NULL,
	"confirmed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_guide_distributions" ADD CONSTRAINT "policy_guide_distributions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_items" ADD CONSTRAINT "policy_items_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD CONSTRAINT "policy_payouts_item_id_policy_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."policy_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD CONSTRAINT "policy_payouts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD CONSTRAINT "policy_payouts_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policies_status_idx" ON "policies" USING btree ("status","level");--> statement-breakpoint
CREATE INDEX "policies_supersedes_idx" ON "policies" USING btree ("supersedes_id");--> statement-breakpoint
CREATE INDEX "policy_guide_distributions_date_idx" ON "policy_guide_distributions" USING btree ("distributed_on");--> statement-breakpoint
CREATE INDEX "policy_items_policy_idx" ON "policy_items" USING btree ("policy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_payouts_item_year_enterprise_key" ON "policy_payouts" USING btree ("item_id","year","enterprise_id");--> statement-breakpoint
CREATE INDEX "policy_payouts_year_idx" ON "policy_payouts" USING btree ("year");