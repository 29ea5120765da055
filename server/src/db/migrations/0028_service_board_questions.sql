CREATE TABLE "service_board_questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"enterprise_id" integer NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"topic" text,
	"policy_ref" text,
	"department_id" integer,
	"answer" text,
	"answered_by" text,
	"answered_at" timestamp with time zone,
	"is_faq" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_board_questions" ADD CONSTRAINT "service_board_questions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_board_questions" ADD CONSTRAINT "service_board_questions_department_id_service_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."service_departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_board_questions_enterprise_idx" ON "service_board_questions" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "service_board_questions_status_idx" ON "service_board_questions" USING btree ("status","department_id");