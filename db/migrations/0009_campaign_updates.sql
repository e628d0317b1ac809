CREATE TYPE "public"."update_status" AS ENUM('draft', 'scheduled', 'sending', 'sent', 'cancelled');--> statement-breakpoint
CREATE TABLE "campaign_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"body_md" text NOT NULL,
	"status" "update_status" DEFAULT 'draft' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"cursor" uuid,
	"enqueued_count" integer DEFAULT 0 NOT NULL,
	"audience_count" integer,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD CONSTRAINT "campaign_updates_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_updates_campaign_idx" ON "campaign_updates" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "campaign_updates_status_idx" ON "campaign_updates" USING btree ("status","scheduled_at");--> statement-breakpoint
CREATE INDEX "email_outbox_key_prefix_idx" ON "email_outbox" USING btree ("idempotency_key" text_pattern_ops);