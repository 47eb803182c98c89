CREATE TABLE "qualification_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"screening_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"reason" text NOT NULL,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"decision_reason" text,
	"decided_by_user_id" uuid,
	"decided_by" varchar(100),
	"decided_at" timestamp with time zone,
	"curation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qualification_screening_results" (
	"screening_id" uuid NOT NULL,
	"rule_set" varchar(20) NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_org_unit_id" uuid,
	"qualified" varchar(20) NOT NULL,
	"previous_qualified" varchar(20),
	"score_min" smallint NOT NULL,
	"score_max" smallint NOT NULL,
	"nearly_rank" integer,
	"conditions" jsonb NOT NULL,
	"problems" jsonb NOT NULL,
	CONSTRAINT "qualification_screening_results_screening_id_rule_set_enterprise_id_pk" PRIMARY KEY("screening_id","rule_set","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "qualification_screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" varchar(20) NOT NULL,
	"evaluation_date" date NOT NULL,
	"filter" jsonb NOT NULL,
	"scope_org_unit_id" uuid NOT NULL,
	"scope_name" text NOT NULL,
	"enterprise_count" integer DEFAULT 0 NOT NULL,
	"processed_count" integer DEFAULT 0 NOT NULL,
	"previous_screening_id" uuid,
	"error" text,
	"started_by_user_id" uuid,
	"started_by" varchar(100) NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"timings" jsonb
);
--> statement-breakpoint
CREATE TABLE "qualification_self_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"rule_set" varchar(20) NOT NULL,
	"name" text NOT NULL,
	"input" jsonb NOT NULL,
	"qualified" varchar(20) NOT NULL,
	"summary" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "qualification_proposals" ADD CONSTRAINT "qualification_proposals_screening_id_qualification_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."qualification_screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_proposals" ADD CONSTRAINT "qualification_proposals_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_screening_results" ADD CONSTRAINT "qualification_screening_results_screening_id_qualification_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."qualification_screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_screenings" ADD CONSTRAINT "qualification_screenings_scope_org_unit_id_org_units_id_fk" FOREIGN KEY ("scope_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_screenings" ADD CONSTRAINT "qualification_screenings_started_by_user_id_users_id_fk" FOREIGN KEY ("started_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_self_checks" ADD CONSTRAINT "qualification_self_checks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "qualification_proposals_run_enterprise_idx" ON "qualification_proposals" USING btree ("screening_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "qualification_proposals_enterprise_idx" ON "qualification_proposals" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "qualification_results_rank_idx" ON "qualification_screening_results" USING btree ("screening_id","rule_set","nearly_rank");--> statement-breakpoint
CREATE INDEX "qualification_results_verdict_idx" ON "qualification_screening_results" USING btree ("screening_id","rule_set","qualified");--> statement-breakpoint
CREATE INDEX "qualification_screenings_started_idx" ON "qualification_screenings" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "qualification_self_checks_user_idx" ON "qualification_self_checks" USING btree ("user_id","created_at");