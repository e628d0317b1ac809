-- Existing signatures and letters take the record their supporter had when this migration ran (the
-- best we know of what was typed), and signatures the campaign's visibility as it is now.
UPDATE "signatures" s SET "first_name" = p."first_name", "last_name" = p."last_name", "zip" = p."zip", "city" = p."city"
FROM "supporters" p WHERE p."id" = s."supporter_id";--> statement-breakpoint
UPDATE "signatures" s SET "visibility" = c."signer_visibility" FROM "campaigns" c WHERE c."id" = s."campaign_id";--> statement-breakpoint
UPDATE "letters" l SET "first_name" = p."first_name", "last_name" = p."last_name", "zip" = p."zip", "city" = p."city", "street" = p."street", "state" = p."state"
FROM "supporters" p WHERE p."id" = l."supporter_id";
