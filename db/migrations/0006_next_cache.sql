CREATE TABLE "next_cache_entries" (
	"key" text PRIMARY KEY NOT NULL,
	"value" "bytea" NOT NULL,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"last_modified" bigint NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "next_cache_tags" (
	"tag" text PRIMARY KEY NOT NULL,
	"expired_at" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "next_cache_entries_expires_idx" ON "next_cache_entries" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "next_cache_tags_updated_idx" ON "next_cache_tags" USING btree ("updated_at");