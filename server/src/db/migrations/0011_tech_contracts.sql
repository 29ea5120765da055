CREATE TABLE "tech_contracts" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"enterprise_id" integer NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"seller_name" text NOT NULL,
	"seller_credit_code" text NOT NULL,
	"buyer_name" text NOT NULL,
	"buyer_credit_code" text,
	"buyer_region_code" text NOT NULL,
	"signed_on" date NOT NULL,
	"term_start_on" date NOT NULL,
	"term_end_on" date NOT NULL,
	"contract_fen" bigint NOT NULL,
	"tech_fen" bigint NOT NULL,
	"carrier_fen" bigint DEFAULT 0 NOT NULL,
	"non_technical_costs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"payments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"linked_contract_id" integer,
	"same_invoice" boolean DEFAULT false NOT NULL,
	"disputed" boolean DEFAULT false NOT NULL,
	"signed_file_id" integer,
	"accepted_on" date,
	"time_limit_days" integer,
	"due_on" date,
	"warned_due_on" date,
	"registration_no" text,
	"registered_on" date,
	"refusal_reason" text,
	"exemption_eligible" boolean,
	"exemption_reason" text,
	"exemption_claimed" boolean DEFAULT false NOT NULL,
	"exemption_confirmed_at" timestamp with time zone,
	"exemption_confirmed_by" integer,
	"import_file_id" integer
);
--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_signed_file_id_stored_files_id_fk" FOREIGN KEY ("signed_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_exemption_confirmed_by_users_id_fk" FOREIGN KEY ("exemption_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_import_file_id_stored_files_id_fk" FOREIGN KEY ("import_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tech_contracts_registration_no_key" ON "tech_contracts" USING btree ("registration_no");--> statement-breakpoint
CREATE INDEX "tech_contracts_enterprise_idx" ON "tech_contracts" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "tech_contracts_status_due_idx" ON "tech_contracts" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "tech_contracts_registered_on_idx" ON "tech_contracts" USING btree ("registered_on");