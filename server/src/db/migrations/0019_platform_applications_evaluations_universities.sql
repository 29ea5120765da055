CREATE TABLE "platform_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"enterprise_id" integer NOT NULL,
	"platform_id" integer,
	"type_id" integer NOT NULL,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"status" text NOT NULL,
	"submitted_on" date,
	"approving_body" text,
	"document_no" text,
	"recognized_on" date,
	"result_platform_id" integer
);
--> statement-breakpoint
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
ALTER TABLE "platform_types" ADD COLUMN "requirements" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_types" ADD COLUMN "evaluation_rule" jsonb DEFAULT '{"grades":[{"code":"excellent","label":"优秀","minScore":90},{"code":"good","label":"良好","minScore":80},{"code":"pass","label":"合格","minScore":60},{"code":"fail","label":"不合格","minScore":0,"failing":true}],"warnAfterConsecutive":1,"revokeAfterConsecutive":2}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_applications" ADD CONSTRAINT "platform_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_applications" ADD CONSTRAINT "platform_applications_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_applications" ADD CONSTRAINT "platform_applications_type_id_platform_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."platform_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_applications" ADD CONSTRAINT "platform_applications_result_platform_id_platforms_id_fk" FOREIGN KEY ("result_platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_evaluation_rounds" ADD CONSTRAINT "platform_evaluation_rounds_type_id_platform_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."platform_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_evaluations" ADD CONSTRAINT "platform_evaluations_round_id_platform_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."platform_evaluation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_evaluations" ADD CONSTRAINT "platform_evaluations_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "university_cooperations" ADD CONSTRAINT "university_cooperations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "university_cooperations" ADD CONSTRAINT "university_cooperations_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "platform_applications_enterprise_idx" ON "platform_applications" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "platform_applications_status_idx" ON "platform_applications" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_evaluation_rounds_type_year_key" ON "platform_evaluation_rounds" USING btree ("type_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_evaluations_round_platform_key" ON "platform_evaluations" USING btree ("round_id","platform_id");--> statement-breakpoint
CREATE INDEX "platform_evaluations_platform_idx" ON "platform_evaluations" USING btree ("platform_id");--> statement-breakpoint
CREATE INDEX "university_cooperations_signed_idx" ON "university_cooperations" USING btree ("signed_on");--> statement-breakpoint
CREATE INDEX "university_cooperations_partner_idx" ON "university_cooperations" USING btree ("partner_name");--> statement-breakpoint
UPDATE "platform_types" SET "requirements" = '{"national":[{"key":"operatingMonths","label":"运营时间","unit":"个月","min":18,"source":"operatingMonths"},{"key":"areaSquareMeters","label":"场地面积","unit":"平方米","min":500,"source":"areaSquareMeters","or":{"key":"desks","label":"工位","unit":"个","min":30}},{"key":"teams","label":"年入驻创业团队和企业","unit":"个","min":20},{"key":"newFirms","label":"年新注册企业","unit":"家","min":10},{"key":"cases","label":"年典型孵化案例","unit":"个","min":3},{"key":"fullTimeStaff","label":"专职服务人员","unit":"人","min":3},{"key":"mentors","label":"创业导师","unit":"人","min":3},{"key":"events","label":"年创业活动（沙龙、路演、大赛、培训）","unit":"场","min":10},{"key":"statistics","label":"按时报送火炬统计数据"}],"provincial":[{"key":"operatingMonths","label":"运营时间","unit":"个月","min":12,"source":"operatingMonths"},{"key":"areaSquareMeters","label":"场地面积","unit":"平方米","min":300,"source":"areaSquareMeters","or":{"key":"desks","label":"工位","unit":"个","min":18}},{"key":"teams","label":"年入驻创业团队和企业","unit":"个","min":12},{"key":"newFirms","label":"年新注册企业","unit":"家","min":6},{"key":"cases","label":"年典型孵化案例","unit":"个","min":3},{"key":"fullTimeStaff","label":"专职服务人员","unit":"人","min":3},{"key":"mentors","label":"创业导师","unit":"人","min":3},{"key":"events","label":"年创业活动（沙龙、路演、大赛、培训）","unit":"场","min":6},{"key":"statistics","label":"按时报送火炬统计数据"}],"city":[{"key":"operatingMonths","label":"运营时间","unit":"个月","min":6,"source":"operatingMonths"},{"key":"areaSquareMeters","label":"场地面积","unit":"平方米","min":200,"source":"areaSquareMeters","or":{"key":"desks","label":"工位","unit":"个","min":12}},{"key":"teams","label":"年入驻创业团队和企业","unit":"个","min":8},{"key":"newFirms","label":"年新注册企业","unit":"家","min":4},{"key":"cases","label":"年典型孵化案例","unit":"个","min":3},{"key":"fullTimeStaff","label":"专职服务人员","unit":"人","min":3},{"key":"mentors","label":"创业导师","unit":"人","min":3},{"key":"events","label":"年创业活动（沙龙、路演、大赛、培训）","unit":"场","min":4},{"key":"statistics","label":"按时报送火炬统计数据"}]}'::jsonb WHERE "code" = 'makerspace';
--> statement-breakpoint
UPDATE "platform_types" SET "requirements" = '{"national":[{"key":"operatingMonths","label":"运营时间","unit":"个月","min":36,"source":"operatingMonths"},{"key":"areaSquareMeters","label":"场地面积","unit":"平方米","min":10000,"source":"areaSquareMeters"},{"key":"incubationRatio","label":"孵化场地占比","unit":"%","min":75},{"key":"seedFundWan","label":"种子（孵化）资金","unit":"万元","min":500},{"key":"investmentCases","label":"投资案例","unit":"个","min":3},{"key":"statistics","label":"连续两年报送统计数据"}],"provincial":[{"key":"operatingMonths","label":"运营时间","unit":"个月","min":24,"source":"operatingMonths"},{"key":"areaSquareMeters","label":"场地面积","unit":"平方米","min":5000,"source":"areaSquareMeters"},{"key":"seedFundWan","label":"种子（孵化）资金","unit":"万元","min":200}]}'::jsonb WHERE "code" = 'incubator';
--> statement-breakpoint
UPDATE "platform_types" SET "requirements" = '{"provincial":[{"key":"operatingMonths","label":"运营时间","unit":"个月","min":12,"source":"operatingMonths"},{"key":"areaSquareMeters","label":"场地面积","unit":"平方米","min":600,"source":"areaSquareMeters"},{"key":"equipmentWan","label":"仪器设备原值","unit":"万元","min":200},{"key":"researchers","label":"常驻研发人员","unit":"人","min":20},{"key":"rdSpendWan","label":"上年度研发经费支出","unit":"万元","min":500},{"key":"independentLegalPerson","label":"具有独立法人资格"}],"city":[{"key":"operatingMonths","label":"运营时间","unit":"个月","min":12,"source":"operatingMonths"},{"key":"areaSquareMeters","label":"场地面积","unit":"平方米","min":300,"source":"areaSquareMeters"},{"key":"researchers","label":"常驻研发人员","unit":"人","min":10}]}'::jsonb WHERE "code" = 'new-rd-institute';
--> statement-breakpoint
UPDATE "platform_types" SET "requirements" = '{"provincial":[{"key":"agreement","label":"与院士签订合作协议"},{"key":"academicianAge","label":"进站院士年龄","unit":"岁","max":80},{"key":"rdInstitution","label":"企业设有研发机构"}]}'::jsonb WHERE "code" = 'academician-station';
--> statement-breakpoint
UPDATE "platform_types" SET "requirements" = '{"provincial":[{"key":"operatingMonths","label":"运营时间","unit":"个月","min":24,"source":"operatingMonths"},{"key":"equipmentWan","label":"中试设备原值","unit":"万元","min":1000,"source":"equipmentWan"},{"key":"separateAccounts","label":"依托单位独立核算"}]}'::jsonb WHERE "code" = 'pilot-base';
--> statement-breakpoint
UPDATE "platform_types" SET "requirements" = '{"city":[{"key":"areaSquareMeters","label":"场地面积","unit":"平方米","min":100,"source":"areaSquareMeters"},{"key":"rdSpendWan","label":"年研发投入","unit":"万元","min":100},{"key":"rdStaff","label":"全职研发人员","unit":"人","min":5},{"key":"localAgreement","label":"与本地单位签订合作协议"}]}'::jsonb WHERE "code" = 'talent-enclave';
