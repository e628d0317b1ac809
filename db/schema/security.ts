import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns';
import { tokenPurpose } from './enums';
import { supporters } from './supporters';

// Links in emails carry a random token; only its SHA-256 is stored.
export const actionTokens = pgTable(
  'action_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    purpose: tokenPurpose('purpose').notNull(),
    supporterId: uuid('supporter_id')
      .notNull()
      .references(() => supporters.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    // confirm_letters: the submission (letters.batch_id) this link confirms, and nothing else.
    batchId: uuid('batch_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('action_tokens_supporter_idx').on(t.supporterId)],
);

// Fixed-window counters shared by every app instance. Keys hold only salted hashes of IPs/emails.
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limits_expires_idx').on(t.expiresAt)],
);

// Cookie-free page views: a counter per campaign, day and source, nothing about the visitor.
export const pageViews = pgTable(
  'page_views',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    source: text('source').notNull().default(''),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.day, t.source] })],
);

// Generated secrets shared by every instance (auth secret, hashing salt) when the environment
// does not provide them, so a zero-config start still works and scale-out needs no extra setup.
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
