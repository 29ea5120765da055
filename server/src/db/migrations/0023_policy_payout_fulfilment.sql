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
CREATE INDEX "policy_payouts_status_idx" ON "policy_payouts" USING btree ("status","due_on");