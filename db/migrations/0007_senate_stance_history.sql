CREATE TABLE "senator_stance_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"senator_id" text NOT NULL,
	"treaty_id" uuid NOT NULL,
	"stance" "senator_stance" NOT NULL,
	"stated_on" date NOT NULL,
	"source_url" text,
	"note" text,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "senator_positions" ADD COLUMN "stated_on" date;--> statement-breakpoint
ALTER TABLE "senator_positions" ADD COLUMN "expected_absent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "senator_stance_events" ADD CONSTRAINT "senator_stance_events_senator_id_senators_bioguide_id_fk" FOREIGN KEY ("senator_id") REFERENCES "public"."senators"("bioguide_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "senator_stance_events" ADD CONSTRAINT "senator_stance_events_treaty_id_treaties_id_fk" FOREIGN KEY ("treaty_id") REFERENCES "public"."treaties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "senator_stance_events_senator_idx" ON "senator_stance_events" USING btree ("senator_id","treaty_id","recorded_at");--> statement-breakpoint
-- Backfill (hand-written): each stance recorded before history existed becomes its first history row.
INSERT INTO "senator_stance_events" ("senator_id", "treaty_id", "stance", "stated_on", "source_url", "note", "recorded_by", "recorded_at")
SELECT "senator_id", "treaty_id", "stance", ("updated_at" AT TIME ZONE 'UTC')::date, "source_url", "note", "updated_by", "updated_at"
FROM "senator_positions";
