CREATE TABLE "enterprise_monthly_output" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"enterprise_id" integer NOT NULL,
	"period" text NOT NULL,
	"industrial_output_fen" bigint NOT NULL,
	"high_tech_output_fen" bigint NOT NULL,
	"is_above_designated_size" boolean NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise_monthly_output" ADD CONSTRAINT "enterprise_monthly_output_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_monthly_output_key" ON "enterprise_monthly_output" USING btree ("enterprise_id","period");--> statement-breakpoint
CREATE INDEX "enterprise_monthly_output_period_idx" ON "enterprise_monthly_output" USING btree ("period");