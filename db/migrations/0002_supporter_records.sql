ALTER TABLE "signatures" ADD COLUMN "first_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "last_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "zip" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "visibility" "signer_visibility" DEFAULT 'hidden' NOT NULL;--> statement-breakpoint
ALTER TABLE "supporters" ADD COLUMN "writer_trust_revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "first_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "last_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "zip" text;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "street" text;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "state" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "action_tokens" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
CREATE INDEX "letters_batch_idx" ON "letters" USING btree ("batch_id");