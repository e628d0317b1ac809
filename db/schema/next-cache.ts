import { bigint, customType, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

// Next.js's page and data cache, shared by every instance (lib/cache/next-cache-handler.mjs).
// Times are milliseconds on the database's clock, so instances need not agree on the time.

/** One cached page, route response or `unstable_cache` result, v8-serialised. */
export const nextCacheEntries = pgTable(
  'next_cache_entries',
  {
    key: text('key').primaryKey(),
    value: bytea('value').notNull(),
    /** The entry's tags (explicit and path tags): a newer invalidation of any of them expires it. */
    tags: text('tags').array().notNull().default([]),
    lastModified: bigint('last_modified', { mode: 'number' }).notNull(),
    /** When the sweep may delete it: a while after it went stale, never in use by then. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('next_cache_entries_expires_idx').on(t.expiresAt)],
);

/** The last invalidation of each tag (revalidateTag / revalidatePath). */
export const nextCacheTags = pgTable(
  'next_cache_tags',
  {
    tag: text('tag').primaryKey(),
    expiredAt: bigint('expired_at', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('next_cache_tags_updated_idx').on(t.updatedAt)],
);
