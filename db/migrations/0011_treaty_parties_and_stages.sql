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
ALTER TABLE "treaty_parties" ADD CONSTRAINT "treaty_parties_treaty_id_treaties_id_fk" FOREIGN KEY ("treaty_id") REFERENCES "public"."treaties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "treaty_parties_treaty_country_uq" ON "treaty_parties" USING btree ("treaty_id","country");--> statement-breakpoint
-- Data fix (hand-written): the seeded treaty cited a file path as its source; cite it in words.
UPDATE "treaties" SET "counts_source" = 'the US NGO coalition’s campaign page for the Optional Protocol, early 2002'
WHERE "counts_source" = 'Coalition campaign page (shared/seed), early 2002';--> statement-breakpoint
UPDATE "treaty_stage_events" SET "source_title" = 'The US NGO coalition’s campaign page for the Optional Protocol (2002)'
WHERE "source_title" = 'Coalition campaign page (shared/seed)';
