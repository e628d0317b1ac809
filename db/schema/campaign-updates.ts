import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns';
import { updateStatus } from './enums';

// An update staff write to a campaign's opted-in supporters. Sending enqueues one outbox row per
// recipient in batches; `cursor` (the last supporter id enqueued, in id order) is written in the
// same transaction as each batch's rows, so a crashed sender resumes where the last batch committed,
// and each row's idempotency key (update:<id>:<supporter>) makes a repeat of any batch a no-op.
export const campaignUpdates = pgTable(
  'campaign_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    subject: text('subject').notNull(),
    bodyMd: text('body_md').notNull(),
    status: updateStatus('status').notNull().default('draft'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    cursor: uuid('cursor'),
    enqueuedCount: integer('enqueued_count').notNull().default(0),
    // The audience counted when sending started (the list can change while it sends).
    audienceCount: integer('audience_count'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [index('campaign_updates_campaign_idx').on(t.campaignId, t.createdAt), index('campaign_updates_status_idx').on(t.status, t.scheduledAt)],
);

export type CampaignUpdate = typeof campaignUpdates.$inferSelect;
