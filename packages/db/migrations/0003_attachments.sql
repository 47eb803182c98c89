CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" varchar(200) NOT NULL,
	"media_type" varchar(100) NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"content" "bytea" NOT NULL,
	"owner_type" varchar(50),
	"owner_id" varchar(100),
	"org_unit_path" text NOT NULL,
	"uploaded_by_user_id" uuid,
	"uploaded_by_name" varchar(100) NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"linked_at" timestamp with time zone,
	CONSTRAINT "attachments_owner_ck" CHECK (("attachments"."owner_type" is null) = ("attachments"."owner_id" is null) and ("attachments"."owner_id" is null) = ("attachments"."linked_at" is null)),
	CONSTRAINT "attachments_size_ck" CHECK ("attachments"."size_bytes" >= 0)
);
--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "attachments_uploader_idx" ON "attachments" USING btree ("uploaded_by_user_id");