CREATE TABLE "annual_report_editions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "annual_report_editions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"edition" integer NOT NULL,
	"content" jsonb NOT NULL,
	"district" text NOT NULL,
	"figures" jsonb NOT NULL,
	"finalised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finalised_by" integer,
	"finalised_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"year" integer NOT NULL,
	"content" jsonb NOT NULL,
	"status" text NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
ALTER TABLE "annual_report_editions" ADD CONSTRAINT "annual_report_editions_finalised_by_users_id_fk" FOREIGN KEY ("finalised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_report_editions_year_edition_key" ON "annual_report_editions" USING btree ("year","edition");--> statement-breakpoint
CREATE INDEX "annual_report_editions_year_idx" ON "annual_report_editions" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_year_key" ON "annual_reports" USING btree ("year");