CREATE TYPE "public"."call_outcome" AS ENUM('reached_staff', 'voicemail', 'busy');--> statement-breakpoint
CREATE TYPE "public"."call_response" AS ENUM('supports', 'undecided', 'opposes', 'no_answer');--> statement-breakpoint
CREATE TYPE "public"."call_review_status" AS ENUM('pending', 'stance_recorded', 'dismissed');--> statement-breakpoint
ALTER TYPE "public"."treaty_stage" ADD VALUE 'floor_vote' BEFORE 'consented';--> statement-breakpoint
ALTER TYPE "public"."treaty_stage" ADD VALUE 'returned_to_committee';--> statement-breakpoint
CREATE TABLE "treaty_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"treaty_id" uuid NOT NULL,
	"country" text NOT NULL,
	"signed_on" date,
	"joined_on" date,
	"accession" boolean DEFAULT false NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "senator_stance_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"senator_id" text NOT NULL,
	"treaty_id" uuid NOT NULL,
	"stance" "senator_stance" NOT NULL,
	"stated_on" date NOT NULL,
	"source_url" text,
	"note" text,
	"call_report_id" uuid,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "campaigns" ADD COLUMN "letter_variants" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "call_scripts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "senate_page_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "public_stances" "senator_stance"[] DEFAULT '{champion,supports,undecided,opposes}'::senator_stance[] NOT NULL;--> statement-breakpoint
ALTER TABLE "senator_positions" ADD COLUMN "stated_on" date;--> statement-breakpoint
ALTER TABLE "senator_positions" ADD COLUMN "expected_absent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "treaty_parties" ADD CONSTRAINT "treaty_parties_treaty_id_treaties_id_fk" FOREIGN KEY ("treaty_id") REFERENCES "public"."treaties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "senator_stance_events" ADD CONSTRAINT "senator_stance_events_senator_id_senators_bioguide_id_fk" FOREIGN KEY ("senator_id") REFERENCES "public"."senators"("bioguide_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "senator_stance_events" ADD CONSTRAINT "senator_stance_events_treaty_id_treaties_id_fk" FOREIGN KEY ("treaty_id") REFERENCES "public"."treaties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_reports" ADD CONSTRAINT "call_reports_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_reports" ADD CONSTRAINT "call_reports_senator_id_senators_bioguide_id_fk" FOREIGN KEY ("senator_id") REFERENCES "public"."senators"("bioguide_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "treaty_parties_treaty_country_uq" ON "treaty_parties" USING btree ("treaty_id","country");--> statement-breakpoint
CREATE INDEX "senator_stance_events_senator_idx" ON "senator_stance_events" USING btree ("senator_id","treaty_id","recorded_at");--> statement-breakpoint
CREATE INDEX "call_reports_senator_idx" ON "call_reports" USING btree ("senator_id","campaign_id");--> statement-breakpoint
CREATE INDEX "call_reports_status_idx" ON "call_reports" USING btree ("status","created_at");--> statement-breakpoint
-- Backfill (hand-written): each stance recorded before history existed becomes its first history row.
INSERT INTO "senator_stance_events" ("senator_id", "treaty_id", "stance", "stated_on", "source_url", "note", "recorded_by", "recorded_at")
SELECT "senator_id", "treaty_id", "stance", ("updated_at" AT TIME ZONE 'UTC')::date, "source_url", "note", "updated_by", "updated_at"
FROM "senator_positions";--> statement-breakpoint
-- Data fix (hand-written): the seeded treaty cited a file path as its source; cite it in words.
UPDATE "treaties" SET "counts_source" = 'the US NGO coalition’s campaign page for the Optional Protocol, early 2002'
WHERE "counts_source" = 'Coalition campaign page (shared/seed), early 2002';--> statement-breakpoint
UPDATE "treaty_stage_events" SET "source_title" = 'The US NGO coalition’s campaign page for the Optional Protocol (2002)'
WHERE "source_title" = 'Coalition campaign page (shared/seed)';
