CREATE TABLE "enterprise_year_figures" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"enterprise_id" integer NOT NULL,
	"year" integer NOT NULL,
	"employees" integer NOT NULL,
	"sci_tech_staff" integer NOT NULL,
	"revenue_fen" bigint NOT NULL,
	"cost_fen" bigint NOT NULL,
	"total_assets_fen" bigint NOT NULL,
	"net_assets_fen" bigint NOT NULL,
	"liabilities_fen" bigint NOT NULL,
	"rd_expense_fen" bigint NOT NULL,
	"rd_expense_domestic_fen" bigint NOT NULL,
	"high_tech_revenue_fen" bigint NOT NULL,
	"ip_class1_count" integer NOT NULL,
	"ip_class2_count" integer NOT NULL,
	"ip_self_developed_count" integer NOT NULL,
	"conversions_count" integer NOT NULL,
	"industrial_output_fen" bigint NOT NULL,
	"is_above_designated_size" boolean NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise_year_figures" ADD CONSTRAINT "enterprise_year_figures_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_year_figures_key" ON "enterprise_year_figures" USING btree ("enterprise_id","year");--> statement-breakpoint
CREATE INDEX "enterprise_year_figures_year_idx" ON "enterprise_year_figures" USING btree ("year");