CREATE TABLE "indicator_statistics" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"key" text NOT NULL,
	"period" text NOT NULL,
	"value" numeric(24, 4) NOT NULL,
	"source" text NOT NULL,
	"source_date" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"key" text NOT NULL,
	"year" integer NOT NULL,
	"value" numeric(24, 4) NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
ALTER TABLE "indicator_statistics" ADD CONSTRAINT "indicator_statistics_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_statistics_key_period_key" ON "indicator_statistics" USING btree ("key","period");--> statement-breakpoint
CREATE INDEX "indicator_statistics_period_idx" ON "indicator_statistics" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_key_year_key" ON "indicator_targets" USING btree ("key","year");