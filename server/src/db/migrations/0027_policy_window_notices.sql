CREATE TABLE "policy_item_notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"event" text NOT NULL,
	"window_on" date NOT NULL,
	"notified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_guide_editions" ADD COLUMN "item_count" integer;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD COLUMN "voucher_file_id" integer;--> statement-breakpoint
ALTER TABLE "policy_item_notices" ADD CONSTRAINT "policy_item_notices_item_id_policy_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."policy_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_item_notices" ADD CONSTRAINT "policy_item_notices_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policy_item_notices_key" ON "policy_item_notices" USING btree ("item_id","enterprise_id","event","window_on");--> statement-breakpoint
CREATE INDEX "policy_item_notices_enterprise_idx" ON "policy_item_notices" USING btree ("enterprise_id");--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD CONSTRAINT "policy_payouts_voucher_file_id_stored_files_id_fk" FOREIGN KEY ("voucher_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;