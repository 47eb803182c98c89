CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" varchar(60) NOT NULL,
	"code" varchar(30) NOT NULL,
	"sort_order" integer NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"printed_name" text NOT NULL,
	"unit" varchar(30) NOT NULL,
	"nature" varchar(10),
	"direction" varchar(10) NOT NULL,
	"aggregation" varchar(10) NOT NULL,
	"baseline" jsonb,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"printed_actual" jsonb,
	"formula" jsonb,
	"responsible_units" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"revision" integer NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"kind" varchar(20) NOT NULL,
	"entered_by_user_id" uuid,
	"entered_by_name" varchar(100) NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "period_locks" (
	"plan_id" varchar(60) NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"locked_by_user_id" uuid,
	"locked_by_name" varchar(100) NOT NULL,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "period_locks_plan_id_org_unit_id_year_pk" PRIMARY KEY("plan_id","org_unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" varchar(60) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_org_unit_id" uuid NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"source" jsonb NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"path_model" varchar(20) DEFAULT 'linear' NOT NULL,
	"status_thresholds" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" varchar(30) NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"text" text NOT NULL,
	"percent_done" integer NOT NULL,
	"reported_by_user_id" uuid,
	"reported_by_name" varchar(100) NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_progress_reports_percent_ck" CHECK ("task_progress_reports"."percent_done" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "task_responsible_units" (
	"task_id" varchar(30) NOT NULL,
	"org_unit_id" uuid NOT NULL,
	CONSTRAINT "task_responsible_units_task_id_org_unit_id_pk" PRIMARY KEY("task_id","org_unit_id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" varchar(30) PRIMARY KEY NOT NULL,
	"plan_id" varchar(60) NOT NULL,
	"sort_order" integer NOT NULL,
	"group" text NOT NULL,
	"item" text NOT NULL,
	"milestones" jsonb NOT NULL,
	"responsible_units" jsonb NOT NULL,
	"responsible_units_text" text NOT NULL,
	"quantitative_targets" jsonb NOT NULL,
	"source" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_region_org_unit_id_org_units_id_fk" FOREIGN KEY ("region_org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_progress_reports" ADD CONSTRAINT "task_progress_reports_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_progress_reports" ADD CONSTRAINT "task_progress_reports_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_responsible_units" ADD CONSTRAINT "task_responsible_units_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_responsible_units" ADD CONSTRAINT "task_responsible_units_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_plan_code_uq" ON "indicators" USING btree ("plan_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "observations_revision_uq" ON "observations" USING btree ("indicator_id","org_unit_id","year","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "observations_current_uq" ON "observations" USING btree ("indicator_id","org_unit_id","year") WHERE "observations"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "observations_org_unit_idx" ON "observations" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "task_progress_reports_task_unit_idx" ON "task_progress_reports" USING btree ("task_id","org_unit_id","year");--> statement-breakpoint
CREATE INDEX "task_responsible_units_org_unit_idx" ON "task_responsible_units" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "tasks_plan_idx" ON "tasks" USING btree ("plan_id");