CREATE TYPE "public"."call_outcome" AS ENUM('reached_staff', 'voicemail', 'busy');--> statement-breakpoint
CREATE TYPE "public"."call_response" AS ENUM('supports', 'undecided', 'opposes', 'no_answer');--> statement-breakpoint
CREATE TYPE "public"."call_review_status" AS ENUM('pending', 'stance_recorded', 'dismissed');--> statement-breakpoint
CREATE TABLE "call_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"senator_id" text NOT NULL,
	"outcome" "call_outcome" NOT NULL,
	"response" "call_response" NOT NULL,
	"source" text,
	"status" "call_review_status" DEFAULT 'pending' NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "call_scripts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "senator_stance_events" ADD COLUMN "call_report_id" uuid;--> statement-breakpoint
ALTER TABLE "call_reports" ADD CONSTRAINT "call_reports_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_reports" ADD CONSTRAINT "call_reports_senator_id_senators_bioguide_id_fk" FOREIGN KEY ("senator_id") REFERENCES "public"."senators"("bioguide_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_reports_senator_idx" ON "call_reports" USING btree ("senator_id","campaign_id");--> statement-breakpoint
CREATE INDEX "call_reports_status_idx" ON "call_reports" USING btree ("status","created_at");