CREATE TYPE "public"."cwc_pro_or_con" AS ENUM('pro', 'con');--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "cwc_topic" text DEFAULT 'International Affairs' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "cwc_pro_or_con" "cwc_pro_or_con" DEFAULT 'pro' NOT NULL;--> statement-breakpoint
ALTER TABLE "senators" ADD COLUMN "cwc_office_code" text;--> statement-breakpoint
ALTER TABLE "senators" ADD COLUMN "cwc_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "supporters" ADD COLUMN "name_prefix" text;--> statement-breakpoint
ALTER TABLE "senators" ADD CONSTRAINT "senators_cwc_office_code_format" CHECK ("senators"."cwc_office_code" ~ '^S[A-Z]{2}[0-9]{2}$');--> statement-breakpoint
ALTER TABLE "supporters" ADD CONSTRAINT "supporters_name_prefix_known" CHECK ("supporters"."name_prefix" in ('Mr.', 'Mrs.', 'Ms.', 'Miss', 'Dr.'));