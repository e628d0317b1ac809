CREATE TYPE "public"."campaign_status" AS ENUM('draft', 'live', 'closed');--> statement-breakpoint
CREATE TYPE "public"."comment_status" AS ENUM('none', 'pending', 'approved', 'hidden');--> statement-breakpoint
CREATE TYPE "public"."delivery_mode" AS ENUM('office', 'coalition_inbox', 'supporter');--> statement-breakpoint
CREATE TYPE "public"."letter_channel" AS ENUM('office_email', 'coalition_inbox', 'supporter');--> statement-breakpoint
CREATE TYPE "public"."letter_status" AS ENUM('pending_confirmation', 'queued', 'sent', 'self_send', 'failed');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('queued', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."senator_stance" AS ENUM('unknown', 'champion', 'supports', 'leaning_yes', 'undecided', 'leaning_no', 'opposes');--> statement-breakpoint
CREATE TYPE "public"."signer_visibility" AS ENUM('hidden', 'first_name_state', 'full_name_state');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('owner', 'admin', 'editor', 'analyst', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."token_purpose" AS ENUM('confirm_signature', 'confirm_letters', 'unsubscribe');--> statement-breakpoint
CREATE TYPE "public"."treaty_stage" AS ENUM('adopted', 'signed', 'transmitted', 'in_committee', 'reported', 'consented', 'ratified', 'withdrawn');--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"tagline" text,
	"website" text,
	"contact_email" text,
	"delivery_inbox_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "treaties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"summary" text,
	"adopted_on" date,
	"us_signed_on" date,
	"stage" "treaty_stage" NOT NULL,
	"signatories_count" integer,
	"states_parties_count" integer,
	"counts_as_of" date,
	"counts_source" text,
	"parties_listed" text[] DEFAULT '{}' NOT NULL,
	"senate_treaty_doc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "treaties_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "treaty_stage_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"treaty_id" uuid NOT NULL,
	"stage" "treaty_stage" NOT NULL,
	"occurred_on" date NOT NULL,
	"note" text,
	"source_title" text,
	"source_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_slug_redirects" (
	"slug" text PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"treaty_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"story_md" text DEFAULT '' NOT NULL,
	"status" "campaign_status" DEFAULT 'draft' NOT NULL,
	"petition_goal" integer DEFAULT 1000 NOT NULL,
	"goal_auto_step" boolean DEFAULT true NOT NULL,
	"signer_visibility" "signer_visibility" DEFAULT 'hidden' NOT NULL,
	"comment_moderation" boolean DEFAULT true NOT NULL,
	"letter_subject_template" text DEFAULT '' NOT NULL,
	"letter_body_template" text DEFAULT '' NOT NULL,
	"require_personal_sentence" boolean DEFAULT false NOT NULL,
	"delivery_mode" "delivery_mode" DEFAULT 'office' NOT NULL,
	"result_note" text,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "senator_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"senator_count" integer NOT NULL,
	"diff" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "senator_positions" (
	"senator_id" text NOT NULL,
	"treaty_id" uuid NOT NULL,
	"stance" "senator_stance" DEFAULT 'unknown' NOT NULL,
	"note" text,
	"source_url" text,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "senator_positions_senator_id_treaty_id_pk" PRIMARY KEY("senator_id","treaty_id")
);
--> statement-breakpoint
CREATE TABLE "senators" (
	"bioguide_id" text PRIMARY KEY NOT NULL,
	"official_name" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"state" text NOT NULL,
	"party" text NOT NULL,
	"senate_class" integer,
	"state_rank" text,
	"term_end" date,
	"dc_address" text,
	"phone" text,
	"website" text,
	"contact_form" text,
	"state_offices" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"social" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ssfr_member" boolean DEFAULT false NOT NULL,
	"ssfr_rank" integer,
	"ssfr_title" text,
	"ssfr_party" text,
	"delivery_email" text,
	"is_current" boolean DEFAULT true NOT NULL,
	"former_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"supporter_id" uuid NOT NULL,
	"state" text,
	"comment" text,
	"comment_status" "comment_status" DEFAULT 'none' NOT NULL,
	"opted_in" boolean DEFAULT false NOT NULL,
	"source" text,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supporters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"zip" text,
	"city" text,
	"street" text,
	"state" text,
	"email_verified_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"forgotten_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"supporter_id" uuid NOT NULL,
	"senator_id" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"edited" boolean DEFAULT false NOT NULL,
	"status" "letter_status" DEFAULT 'pending_confirmation' NOT NULL,
	"channel" "letter_channel",
	"delivered_to" text,
	"outbox_id" uuid,
	"failure_reason" text,
	"source" text,
	"confirmed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template" text NOT NULL,
	"to_address" text NOT NULL,
	"props" jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" "outbox_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 8 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"provider_message_id" text,
	"rendered_subject" text,
	"rendered_html" text,
	"rendered_text" text,
	"transport" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_outbox_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_user_id" text,
	"actor_email" text,
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"userId" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"providerAccountId" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_providerAccountId_pk" PRIMARY KEY("provider","providerAccountId")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"sessionToken" text PRIMARY KEY NOT NULL,
	"userId" text NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"email" text,
	"emailVerified" timestamp with time zone,
	"image" text,
	"role" "staff_role" DEFAULT 'viewer' NOT NULL,
	"invited_by" text,
	"revoked_at" timestamp with time zone,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verificationTokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verificationTokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
CREATE TABLE "action_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"purpose" "token_purpose" NOT NULL,
	"supporter_id" uuid NOT NULL,
	"campaign_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "page_views" (
	"campaign_id" uuid NOT NULL,
	"day" date NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "page_views_campaign_id_day_source_pk" PRIMARY KEY("campaign_id","day","source")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
ALTER TABLE "treaty_stage_events" ADD CONSTRAINT "treaty_stage_events_treaty_id_treaties_id_fk" FOREIGN KEY ("treaty_id") REFERENCES "public"."treaties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_slug_redirects" ADD CONSTRAINT "campaign_slug_redirects_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_treaty_id_treaties_id_fk" FOREIGN KEY ("treaty_id") REFERENCES "public"."treaties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "senator_positions" ADD CONSTRAINT "senator_positions_senator_id_senators_bioguide_id_fk" FOREIGN KEY ("senator_id") REFERENCES "public"."senators"("bioguide_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "senator_positions" ADD CONSTRAINT "senator_positions_treaty_id_treaties_id_fk" FOREIGN KEY ("treaty_id") REFERENCES "public"."treaties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_supporter_id_supporters_id_fk" FOREIGN KEY ("supporter_id") REFERENCES "public"."supporters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_supporter_id_supporters_id_fk" FOREIGN KEY ("supporter_id") REFERENCES "public"."supporters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_senator_id_senators_bioguide_id_fk" FOREIGN KEY ("senator_id") REFERENCES "public"."senators"("bioguide_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_userId_users_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_userId_users_id_fk" FOREIGN KEY ("userId") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_tokens" ADD CONSTRAINT "action_tokens_supporter_id_supporters_id_fk" FOREIGN KEY ("supporter_id") REFERENCES "public"."supporters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_tokens" ADD CONSTRAINT "action_tokens_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_views" ADD CONSTRAINT "page_views_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "treaty_stage_events_treaty_idx" ON "treaty_stage_events" USING btree ("treaty_id","occurred_on");--> statement-breakpoint
CREATE INDEX "campaigns_status_idx" ON "campaigns" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "senators_state_idx" ON "senators" USING btree ("state","is_current");--> statement-breakpoint
CREATE UNIQUE INDEX "signatures_campaign_supporter_uq" ON "signatures" USING btree ("campaign_id","supporter_id");--> statement-breakpoint
CREATE INDEX "signatures_campaign_created_idx" ON "signatures" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "signatures_campaign_state_idx" ON "signatures" USING btree ("campaign_id","state");--> statement-breakpoint
CREATE INDEX "signatures_supporter_idx" ON "signatures" USING btree ("supporter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supporters_email_uq" ON "supporters" USING btree ("email");--> statement-breakpoint
CREATE INDEX "supporters_name_idx" ON "supporters" USING btree ("last_name","first_name");--> statement-breakpoint
CREATE UNIQUE INDEX "letters_campaign_supporter_senator_uq" ON "letters" USING btree ("campaign_id","supporter_id","senator_id");--> statement-breakpoint
CREATE INDEX "letters_campaign_created_idx" ON "letters" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "letters_senator_idx" ON "letters" USING btree ("senator_id","campaign_id");--> statement-breakpoint
CREATE INDEX "letters_status_idx" ON "letters" USING btree ("status");--> statement-breakpoint
CREATE INDEX "letters_supporter_idx" ON "letters" USING btree ("supporter_id");--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "email_outbox_created_idx" ON "email_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "email_outbox_to_idx" ON "email_outbox" USING btree ("to_address");--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","created_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("userId");--> statement-breakpoint
CREATE INDEX "action_tokens_supporter_idx" ON "action_tokens" USING btree ("supporter_id");--> statement-breakpoint
CREATE INDEX "rate_limits_expires_idx" ON "rate_limits" USING btree ("expires_at");