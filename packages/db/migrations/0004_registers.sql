CREATE TABLE "enterprise_judgements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"left_id" uuid NOT NULL,
	"right_id" uuid NOT NULL,
	"judgement" varchar(10) NOT NULL,
	"score" double precision,
	"reason" text,
	"user_id" uuid,
	"user_name" varchar(100) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "enterprise_years" (
	"enterprise_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"employee_count" integer,
	"tech_staff_count" integer,
	"rd_staff_count" integer,
	"sales_revenue" double precision,
	"operating_revenue" double precision,
	"total_income" double precision,
	"cost_expense_total" double precision,
	"rd_expense" double precision,
	"rd_expense_domestic" double precision,
	"total_assets" double precision,
	"net_assets" double precision,
	"hi_tech_revenue" double precision,
	"profit" double precision,
	"tax" double precision,
	"source" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_years_enterprise_id_year_pk" PRIMARY KEY("enterprise_id","year")
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"canonical_id" uuid NOT NULL,
	"credit_code" varchar(18),
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"former_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"legal_representative" varchar(50),
	"region_org_unit_id" uuid,
	"region_code" varchar(6),
	"park_org_unit_id" uuid,
	"industry_code" varchar(5),
	"industry_text" text,
	"leading_industry" varchar(50),
	"founded_on" date,
	"roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"facts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" jsonb NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"type" varchar(30) NOT NULL,
	"type_text" text,
	"parent_name" text,
	"region_org_unit_id" uuid,
	"facts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" jsonb NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "institutions_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "intellectual_property" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"type" varchar(30) NOT NULL,
	"ip_class" varchar(2),
	"number" varchar(60) NOT NULL,
	"title" text NOT NULL,
	"applied_on" date,
	"granted_on" date,
	"expires_on" date,
	"legal_status" varchar(10) NOT NULL,
	"applicant_name" text,
	"used_in_prior_hnte_application" boolean DEFAULT false NOT NULL,
	"source" jsonb NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_curations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"library" varchar(40) NOT NULL,
	"member_kind" varchar(20) NOT NULL,
	"member_id" uuid NOT NULL,
	"action" varchar(10) NOT NULL,
	"reason" text NOT NULL,
	"user_id" uuid,
	"user_name" varchar(100) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "platform_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"platform_id" uuid NOT NULL,
	"role" varchar(10) NOT NULL,
	"enterprise_id" uuid,
	"institution_id" uuid,
	"name_as_written" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platforms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"type" varchar(40) NOT NULL,
	"type_text" text,
	"level" varchar(20),
	"status" varchar(10) NOT NULL,
	"target_level" varchar(20),
	"region_org_unit_id" uuid,
	"park_org_unit_id" uuid,
	"approved_on" date,
	"facts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" jsonb NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid,
	"kind" varchar(30) NOT NULL,
	"name" text NOT NULL,
	"number" varchar(60),
	"amount" double precision,
	"started_on" date,
	"ended_on" date,
	"status" varchar(20) NOT NULL,
	"region_org_unit_id" uuid,
	"source" jsonb NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"type" varchar(30) NOT NULL,
	"title" text NOT NULL,
	"status" varchar(10) DEFAULT 'held' NOT NULL,
	"number" varchar(60),
	"year" integer,
	"valid_from" date,
	"valid_to" date,
	"level" varchar(20),
	"source" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid,
	"institution_id" uuid,
	"kind" varchar(30) NOT NULL,
	"name" varchar(50) NOT NULL,
	"id_number" varchar(18),
	"phone" varchar(20),
	"title" text,
	"field" text,
	"region_org_unit_id" uuid,
	"source" jsonb NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "register_metric" varchar(40);--> statement-breakpoint
ALTER TABLE "enterprise_judgements" ADD CONSTRAINT "enterprise_judgements_left_id_enterprises_id_fk" FOREIGN KEY ("left_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_judgements" ADD CONSTRAINT "enterprise_judgements_right_id_enterprises_id_fk" FOREIGN KEY ("right_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_years" ADD CONSTRAINT "enterprise_years_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_region_org_unit_id_org_units_id_fk" FOREIGN KEY ("region_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_park_org_unit_id_org_units_id_fk" FOREIGN KEY ("park_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_region_org_unit_id_org_units_id_fk" FOREIGN KEY ("region_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intellectual_property" ADD CONSTRAINT "intellectual_property_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_participants" ADD CONSTRAINT "platform_participants_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_participants" ADD CONSTRAINT "platform_participants_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_participants" ADD CONSTRAINT "platform_participants_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_region_org_unit_id_org_units_id_fk" FOREIGN KEY ("region_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_park_org_unit_id_org_units_id_fk" FOREIGN KEY ("park_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_region_org_unit_id_org_units_id_fk" FOREIGN KEY ("region_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_region_org_unit_id_org_units_id_fk" FOREIGN KEY ("region_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_judgements_live_pair_uq" ON "enterprise_judgements" USING btree ("left_id","right_id") WHERE "enterprise_judgements"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "enterprise_judgements_right_idx" ON "enterprise_judgements" USING btree ("right_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_credit_code_uq" ON "enterprises" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "enterprises_canonical_idx" ON "enterprises" USING btree ("canonical_id");--> statement-breakpoint
CREATE INDEX "enterprises_region_idx" ON "enterprises" USING btree ("region_org_unit_id");--> statement-breakpoint
CREATE INDEX "enterprises_name_key_idx" ON "enterprises" USING btree ("name_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprises_name_idx" ON "enterprises" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "intellectual_property_type_number_uq" ON "intellectual_property" USING btree ("type","number");--> statement-breakpoint
CREATE INDEX "intellectual_property_enterprise_idx" ON "intellectual_property" USING btree ("enterprise_id","ip_class","legal_status");--> statement-breakpoint
CREATE UNIQUE INDEX "library_curations_live_uq" ON "library_curations" USING btree ("library","member_id") WHERE "library_curations"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "platform_participants_platform_idx" ON "platform_participants" USING btree ("platform_id");--> statement-breakpoint
CREATE INDEX "platform_participants_enterprise_idx" ON "platform_participants" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "platforms_region_idx" ON "platforms" USING btree ("region_org_unit_id");--> statement-breakpoint
CREATE INDEX "projects_enterprise_idx" ON "projects" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "qualifications_enterprise_idx" ON "qualifications" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "qualifications_type_valid_idx" ON "qualifications" USING btree ("type","valid_from","valid_to");--> statement-breakpoint
CREATE UNIQUE INDEX "qualifications_type_number_uq" ON "qualifications" USING btree ("type","number") WHERE "qualifications"."number" is not null;--> statement-breakpoint
CREATE INDEX "talents_enterprise_idx" ON "talents" USING btree ("enterprise_id");