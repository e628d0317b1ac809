CREATE TYPE "public"."email_event_type" AS ENUM('delivered', 'delayed', 'bounced', 'complained');--> statement-breakpoint
CREATE TYPE "public"."suppression_reason" AS ENUM('hard_bounce', 'complaint');--> statement-breakpoint
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
ALTER TABLE "letters" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "delivery_event" "email_event_type";--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "delivery_event_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "email_events_outbox_idx" ON "email_events" USING btree ("outbox_id");--> statement-breakpoint
CREATE INDEX "email_events_letter_idx" ON "email_events" USING btree ("letter_id");--> statement-breakpoint
CREATE INDEX "email_outbox_provider_id_idx" ON "email_outbox" USING btree ("provider_message_id");