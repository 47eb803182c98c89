CREATE TABLE "tech_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_number" varchar(40) NOT NULL,
	"title" text NOT NULL,
	"type" varchar(20) NOT NULL,
	"amount" numeric(14, 4) NOT NULL,
	"seller_name" text NOT NULL,
	"seller_institution_id" uuid,
	"seller_enterprise_id" uuid,
	"buyer_name" text NOT NULL,
	"buyer_enterprise_id" uuid,
	"signed_on" date NOT NULL,
	"region_org_unit_id" uuid NOT NULL,
	"engagement_id" uuid,
	"note" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tech_engagement_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"from_status" varchar(20),
	"to_status" varchar(20) NOT NULL,
	"close_reason" varchar(30),
	"note" text,
	"event_id" uuid,
	"contract_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tech_engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"result_id" uuid,
	"expert_id" uuid,
	"status" varchar(20) DEFAULT 'recommended' NOT NULL,
	"close_reason" varchar(30),
	"reason" text,
	"score" double precision,
	"note" text,
	"region_org_unit_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tech_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"kind" varchar(20) NOT NULL,
	"held_on" date NOT NULL,
	"location" text,
	"organizer" text,
	"description" text,
	"region_org_unit_id" uuid,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_seller_institution_id_institutions_id_fk" FOREIGN KEY ("seller_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_seller_enterprise_id_enterprises_id_fk" FOREIGN KEY ("seller_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_buyer_enterprise_id_enterprises_id_fk" FOREIGN KEY ("buyer_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_region_org_unit_id_org_units_id_fk" FOREIGN KEY ("region_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_engagement_id_tech_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."tech_engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_engagement_steps" ADD CONSTRAINT "tech_engagement_steps_engagement_id_tech_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."tech_engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_engagement_steps" ADD CONSTRAINT "tech_engagement_steps_event_id_tech_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."tech_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_engagement_steps" ADD CONSTRAINT "tech_engagement_steps_contract_id_tech_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."tech_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_engagement_steps" ADD CONSTRAINT "tech_engagement_steps_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_engagements" ADD CONSTRAINT "tech_engagements_need_id_tech_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."tech_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_engagements" ADD CONSTRAINT "tech_engagements_result_id_tech_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."tech_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_engagements" ADD CONSTRAINT "tech_engagements_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_engagements" ADD CONSTRAINT "tech_engagements_region_org_unit_id_org_units_id_fk" FOREIGN KEY ("region_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_engagements" ADD CONSTRAINT "tech_engagements_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_events" ADD CONSTRAINT "tech_events_region_org_unit_id_org_units_id_fk" FOREIGN KEY ("region_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_events" ADD CONSTRAINT "tech_events_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tech_contracts_registration_number_uq" ON "tech_contracts" USING btree ("registration_number") WHERE "tech_contracts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "tech_contracts_signed_on_idx" ON "tech_contracts" USING btree ("signed_on");--> statement-breakpoint
CREATE INDEX "tech_contracts_region_idx" ON "tech_contracts" USING btree ("region_org_unit_id");--> statement-breakpoint
CREATE INDEX "tech_engagement_steps_engagement_idx" ON "tech_engagement_steps" USING btree ("engagement_id","created_at");--> statement-breakpoint
CREATE INDEX "tech_engagement_steps_event_idx" ON "tech_engagement_steps" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tech_engagements_pair_uq" ON "tech_engagements" USING btree ("need_id",coalesce("result_id", "expert_id")) WHERE "tech_engagements"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "tech_engagements_status_idx" ON "tech_engagements" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "tech_events_held_on_idx" ON "tech_events" USING btree ("held_on");--> statement-breakpoint
-- Databases seeded before the contract registry: 技术合同成交额 gets its computed source (plans.seed.ts sets it on
-- new ones), in the indicator's own unit.
UPDATE "indicators" SET "register_metric" = 'tech_contract_amount_100m' WHERE "code" IN ('HS13-14', 'HS14-19') AND "register_metric" IS NULL;--> statement-breakpoint
UPDATE "indicators" SET "register_metric" = 'tech_contract_amount_10k' WHERE "code" = 'DY-19' AND "register_metric" IS NULL;
