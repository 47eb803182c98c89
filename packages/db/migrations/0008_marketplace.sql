CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(50) NOT NULL,
	"organization" text NOT NULL,
	"title" varchar(50),
	"fields" jsonb NOT NULL,
	"industry" varchar(30) NOT NULL,
	"bio" text,
	"phone" varchar(30),
	"email" varchar(100),
	"region_org_unit_id" uuid,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tech_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"industry" varchar(30) NOT NULL,
	"enterprise_id" uuid,
	"enterprise_name" text NOT NULL,
	"budget" double precision,
	"deadline" date,
	"status" varchar(20) DEFAULT 'open' NOT NULL,
	"contact_name" varchar(50),
	"contact_phone" varchar(30),
	"region_org_unit_id" uuid,
	"source" varchar(20) DEFAULT 'entered' NOT NULL,
	"plan_direction_id" varchar(20),
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tech_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"abstract" text NOT NULL,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"industry" varchar(30) NOT NULL,
	"maturity" varchar(20) NOT NULL,
	"ip_numbers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner_name" text NOT NULL,
	"owner_institution_id" uuid,
	"contact_name" varchar(50),
	"contact_phone" varchar(30),
	"transfer_mode" varchar(20) NOT NULL,
	"price" double precision,
	"region_org_unit_id" uuid,
	"source" varchar(20) DEFAULT 'entered' NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_region_org_unit_id_org_units_id_fk" FOREIGN KEY ("region_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_needs" ADD CONSTRAINT "tech_needs_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_needs" ADD CONSTRAINT "tech_needs_region_org_unit_id_org_units_id_fk" FOREIGN KEY ("region_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_needs" ADD CONSTRAINT "tech_needs_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_results" ADD CONSTRAINT "tech_results_owner_institution_id_institutions_id_fk" FOREIGN KEY ("owner_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_results" ADD CONSTRAINT "tech_results_region_org_unit_id_org_units_id_fk" FOREIGN KEY ("region_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_results" ADD CONSTRAINT "tech_results_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "experts_industry_idx" ON "experts" USING btree ("industry") WHERE "experts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "tech_needs_industry_idx" ON "tech_needs" USING btree ("industry") WHERE "tech_needs"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "tech_needs_enterprise_idx" ON "tech_needs" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "tech_results_industry_idx" ON "tech_results" USING btree ("industry") WHERE "tech_results"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "tech_results_created_idx" ON "tech_results" USING btree ("created_at");