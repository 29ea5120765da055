CREATE TABLE "university_cooperations" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"partner_name" text NOT NULL,
	"partner_kind" text NOT NULL,
	"form" text NOT NULL,
	"title" text NOT NULL,
	"signed_on" date NOT NULL,
	"ended_on" date,
	"enterprise_id" integer,
	"platform_id" integer,
	"street" text,
	"contact_name" text,
	"contact_phone" text,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "university_cooperations" ADD CONSTRAINT "university_cooperations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "university_cooperations" ADD CONSTRAINT "university_cooperations_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "university_cooperations_signed_idx" ON "university_cooperations" USING btree ("signed_on");--> statement-breakpoint
CREATE INDEX "university_cooperations_partner_idx" ON "university_cooperations" USING btree ("partner_name");