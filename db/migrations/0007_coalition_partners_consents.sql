CREATE TYPE "public"."consent_method" AS ENUM('form', 'embed', 'api');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('host', 'partner');--> statement-breakpoint
CREATE TABLE "campaign_sponsors" (
	"campaign_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_sponsors_campaign_id_organisation_id_pk" PRIMARY KEY("campaign_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supporter_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"signature_id" uuid,
	"letter_batch_id" uuid,
	"wording" text NOT NULL,
	"method" "consent_method" DEFAULT 'form' NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "kind" "organisation_kind" DEFAULT 'partner' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "logo_url" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "privacy_policy_url" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "opt_in_text" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "ref_only_partner_box" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "signatures" ADD COLUMN "ref_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "ref_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "campaign_sponsors" ADD CONSTRAINT "campaign_sponsors_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_sponsors" ADD CONSTRAINT "campaign_sponsors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_supporter_id_supporters_id_fk" FOREIGN KEY ("supporter_id") REFERENCES "public"."supporters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_sponsors_org_idx" ON "campaign_sponsors" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consents_supporter_org_campaign_uq" ON "consents" USING btree ("supporter_id","organisation_id","campaign_id");--> statement-breakpoint
CREATE INDEX "consents_org_created_idx" ON "consents" USING btree ("organisation_id","created_at");--> statement-breakpoint
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_ref_organisation_id_organisations_id_fk" FOREIGN KEY ("ref_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_ref_organisation_id_organisations_id_fk" FOREIGN KEY ("ref_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_one_host_uq" ON "organisations" USING btree ("kind") WHERE kind = 'host';--> statement-breakpoint
-- The organisation that ran the instance so far is its host (one per deployment until now).
UPDATE "organisations" SET "kind" = 'host' WHERE "id" = (SELECT "id" FROM "organisations" ORDER BY "created_at", "id" LIMIT 1);--> statement-breakpoint
-- Existing opt-ins become consents to the host, with the words the form showed then (the
-- single box read "Keep me updated about this campaign by email from <coalition name>.").
INSERT INTO "consents" ("supporter_id", "organisation_id", "campaign_id", "signature_id", "wording", "method", "source", "created_at")
SELECT s."supporter_id", o."id", s."campaign_id", s."id",
       'Keep me updated about this campaign by email from ' || o."name" || '.', 'form', s."source", s."created_at"
FROM "signatures" s CROSS JOIN "organisations" o
WHERE s."opted_in" AND o."kind" = 'host'
ON CONFLICT DO NOTHING;
