CREATE TABLE "platform_evaluation_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"type_id" integer NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"round_id" integer NOT NULL,
	"platform_id" integer NOT NULL,
	"status" text NOT NULL,
	"figures" jsonb,
	"summary" text DEFAULT '' NOT NULL,
	"reported_on" date,
	"score" integer,
	"grade" text,
	"grade_comment" text,
	"consecutive_failing" integer DEFAULT 0 NOT NULL,
	"consequence" text DEFAULT 'none' NOT NULL,
	"consequence_applied_on" date
);
--> statement-breakpoint
ALTER TABLE "platform_types" ADD COLUMN "evaluation_rule" jsonb DEFAULT '{"grades":[{"code":"excellent","label":"优秀","minScore":90},{"code":"good","label":"良好","minScore":80},{"code":"pass","label":"合格","minScore":60},{"code":"fail","label":"不合格","minScore":0,"failing":true}],"warnAfterConsecutive":1,"revokeAfterConsecutive":2}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_evaluation_rounds" ADD CONSTRAINT "platform_evaluation_rounds_type_id_platform_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."platform_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_evaluations" ADD CONSTRAINT "platform_evaluations_round_id_platform_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."platform_evaluation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_evaluations" ADD CONSTRAINT "platform_evaluations_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "platform_evaluation_rounds_type_year_key" ON "platform_evaluation_rounds" USING btree ("type_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_evaluations_round_platform_key" ON "platform_evaluations" USING btree ("round_id","platform_id");--> statement-breakpoint
CREATE INDEX "platform_evaluations_platform_idx" ON "platform_evaluations" USING btree ("platform_id");