CREATE TABLE "policy_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"item_id" integer NOT NULL,
	"year" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"submitted_on" date NOT NULL,
	"amount_fen" bigint,
	"reasons" jsonb NOT NULL,
	"materials" jsonb NOT NULL,
	"payout_id" integer
);
--> statement-breakpoint
CREATE TABLE "policy_guide_editions" (
	"id" serial PRIMARY KEY NOT NULL,
	"edition" integer NOT NULL,
	"number" integer NOT NULL,
	"file_id" integer NOT NULL,
	"policy_versions" jsonb NOT NULL,
	"generated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_subscription_notices" (
	"policy_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"notified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_subscriptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"enterprise_id" integer NOT NULL,
	"levels" jsonb NOT NULL,
	"themes" jsonb NOT NULL,
	CONSTRAINT "policy_subscriptions_enterprise_key" UNIQUE("enterprise_id")
);
--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD COLUMN "status" text DEFAULT 'listed' NOT NULL;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD COLUMN "time_limit_days" integer;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD COLUMN "pushed_on" date;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD COLUMN "accepted_on" date;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD COLUMN "bank_name" text;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD COLUMN "bank_account_name" text;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD COLUMN "bank_account" text;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD COLUMN "paid_fen" bigint;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD COLUMN "paid_on" date;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD COLUMN "voucher_no" text;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_item_id_policy_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."policy_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_payout_id_policy_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."policy_payouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_guide_editions" ADD CONSTRAINT "policy_guide_editions_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_guide_editions" ADD CONSTRAINT "policy_guide_editions_generated_by_users_id_fk" FOREIGN KEY ("generated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_subscription_notices" ADD CONSTRAINT "policy_subscription_notices_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_subscription_notices" ADD CONSTRAINT "policy_subscription_notices_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_subscriptions" ADD CONSTRAINT "policy_subscriptions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policy_applications_item_year_enterprise_key" ON "policy_applications" USING btree ("item_id","year","enterprise_id");--> statement-breakpoint
CREATE INDEX "policy_applications_status_idx" ON "policy_applications" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_guide_editions_edition_number_key" ON "policy_guide_editions" USING btree ("edition","number");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_subscription_notices_key" ON "policy_subscription_notices" USING btree ("policy_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "policy_payouts_status_idx" ON "policy_payouts" USING btree ("status","due_on");