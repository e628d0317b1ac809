CREATE TYPE "public"."email_event_type" AS ENUM('delivered', 'delayed', 'bounced', 'complained');--> statement-breakpoint
CREATE TYPE "public"."suppression_reason" AS ENUM('hard_bounce', 'complaint');--> statement-breakpoint
CREATE TYPE "public"."update_status" AS ENUM('draft', 'scheduled', 'sending', 'sent', 'cancelled');--> statement-breakpoint
ALTER TYPE "public"."letter_channel" ADD VALUE 'cwc';--> statement-breakpoint
CREATE TABLE "email_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"webhook_id" text NOT NULL,
	"type" "email_event_type" NOT NULL,
	"provider_message_id" text,
	"outbox_id" uuid,
	"letter_id" uuid,
	"bounce_type" text,
	"detail" text,
	"occurred_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_events_webhook_id_unique" UNIQUE("webhook_id")
);
--> statement-breakpoint
CREATE TABLE "email_suppressions" (
	"address" text PRIMARY KEY NOT NULL,
	"reason" "suppression_reason" NOT NULL,
	"event_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "letters" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "delivery_event" "email_event_type";--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "delivery_event_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaign_updates" ADD CONSTRAINT "campaign_updates_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_events_outbox_idx" ON "email_events" USING btree ("outbox_id");--> statement-breakpoint
CREATE INDEX "email_events_letter_idx" ON "email_events" USING btree ("letter_id");--> statement-breakpoint
CREATE INDEX "campaign_updates_campaign_idx" ON "campaign_updates" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "campaign_updates_status_idx" ON "campaign_updates" USING btree ("status","scheduled_at");--> statement-breakpoint
CREATE INDEX "email_outbox_provider_id_idx" ON "email_outbox" USING btree ("provider_message_id");--> statement-breakpoint
CREATE INDEX "email_outbox_key_prefix_idx" ON "email_outbox" USING btree ("idempotency_key" text_pattern_ops);