CREATE TABLE "register_import_mappings" (
	"list_type" varchar(30) PRIMARY KEY NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_by_name" varchar(100) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_import_rows" (
	"import_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"cells" jsonb NOT NULL,
	"values" jsonb NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"duplicate_key" text,
	"record" jsonb,
	"outcome" varchar(10),
	"enterprise_id" uuid,
	"probability" double precision,
	"candidates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "register_import_rows_import_id_row_number_pk" PRIMARY KEY("import_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "register_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_type" varchar(30) NOT NULL,
	"file_name" text NOT NULL,
	"file_bytes" bigint NOT NULL,
	"status" varchar(20) NOT NULL,
	"processed_bytes" bigint DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"headers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"failure" text,
	"summary" jsonb,
	"scope_path" text NOT NULL,
	"created_by" uuid,
	"created_by_name" varchar(100) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "register_link_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_key" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"judgement" varchar(10) NOT NULL,
	"review_item_id" uuid,
	"user_id" uuid,
	"user_name" varchar(100) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "register_review_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"list_type" varchar(30) NOT NULL,
	"values" jsonb NOT NULL,
	"record" jsonb NOT NULL,
	"subject_name" text NOT NULL,
	"subject_credit_code" varchar(18),
	"subject_region_code" varchar(6),
	"probability" double precision NOT NULL,
	"candidates" jsonb NOT NULL,
	"status" varchar(10) DEFAULT 'pending' NOT NULL,
	"enterprise_id" uuid,
	"reason" text,
	"scope_path" text NOT NULL,
	"decided_by" uuid,
	"decided_by_name" varchar(100),
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "register_import_rows" ADD CONSTRAINT "register_import_rows_import_id_register_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."register_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_link_decisions" ADD CONSTRAINT "register_link_decisions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_link_decisions" ADD CONSTRAINT "register_link_decisions_review_item_id_register_review_items_id_fk" FOREIGN KEY ("review_item_id") REFERENCES "public"."register_review_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_review_items" ADD CONSTRAINT "register_review_items_import_id_register_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."register_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_review_items" ADD CONSTRAINT "register_review_items_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "register_import_rows_outcome_idx" ON "register_import_rows" USING btree ("import_id","outcome");--> statement-breakpoint
CREATE INDEX "register_import_rows_duplicate_idx" ON "register_import_rows" USING btree ("import_id","duplicate_key");--> statement-breakpoint
CREATE INDEX "register_imports_scope_idx" ON "register_imports" USING btree ("scope_path" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "register_link_decisions_live_uq" ON "register_link_decisions" USING btree ("record_key","enterprise_id") WHERE "register_link_decisions"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "register_review_items_status_idx" ON "register_review_items" USING btree ("status","scope_path");--> statement-breakpoint
CREATE INDEX "enterprises_canonical_flag_idx" ON "enterprises" USING btree (("canonical_id" = "id"));--> statement-breakpoint
CREATE INDEX "enterprises_heads_name_idx" ON "enterprises" USING btree ("name","id") WHERE ("enterprises"."canonical_id" = "enterprises"."id") is true;--> statement-breakpoint
CREATE INDEX "enterprises_heads_founded_idx" ON "enterprises" USING btree ("founded_on","id") WHERE ("enterprises"."canonical_id" = "enterprises"."id") is true;--> statement-breakpoint
CREATE INDEX "enterprises_heads_founded_desc_idx" ON "enterprises" USING btree ("founded_on" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE ("enterprises"."canonical_id" = "enterprises"."id") is true;--> statement-breakpoint
CREATE INDEX "enterprises_industry_code_idx" ON "enterprises" USING btree ("industry_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprises_leading_industry_idx" ON "enterprises" USING btree ("leading_industry");