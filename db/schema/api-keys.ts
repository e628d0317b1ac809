import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { apiKeyScope } from './enums';
import { organisations } from './organisations';

// OSDI API keys, one organisation each: the key sees what that organisation's staff may see. Only
// the SHA-256 of the key is stored (it is shown once, at creation); the prefix identifies it in lists.
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    prefix: text('prefix').notNull(),
    scope: apiKeyScope('scope').notNull().default('read'),
    createdBy: text('created_by').references(() => users.id),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('api_keys_hash_uq').on(t.keyHash), index('api_keys_org_idx').on(t.organisationId)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
