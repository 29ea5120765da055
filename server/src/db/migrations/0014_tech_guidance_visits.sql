CREATE TABLE "tech_guidance_visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"enterprise_id" integer NOT NULL,
	"visited_on" date NOT NULL,
	"kind" text NOT NULL,
	"visitors" text NOT NULL,
	"advice" text NOT NULL,
	"recorded_by" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tech_guidance_visits" ADD CONSTRAINT "tech_guidance_visits_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_guidance_visits" ADD CONSTRAINT "tech_guidance_visits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tech_guidance_visits_enterprise_idx" ON "tech_guidance_visits" USING btree ("enterprise_id","visited_on");--> statement-breakpoint
CREATE INDEX "tech_guidance_visits_visited_on_idx" ON "tech_guidance_visits" USING btree ("visited_on");