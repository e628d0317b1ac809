import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns';
import { organisations } from './organisations';
import { letterChannel, letterStatus } from './enums';
import { senators } from './senators';
import { supporters } from './supporters';

export const letters = pgTable(
  'letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    supporterId: uuid('supporter_id')
      .notNull()
      .references(() => supporters.id),
    senatorId: text('senator_id')
      .notNull()
      .references(() => senators.bioguideId),
    // One submission of the letter form: its confirmation link sends exactly these letters.
    batchId: uuid('batch_id'),
    // The writer's record as they typed it for this letter (what the office receives).
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    zip: text('zip'),
    city: text('city'),
    street: text('street'),
    state: text('state'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    edited: boolean('edited').notNull().default(false),
    status: letterStatus('status').notNull().default('pending_confirmation'),
    channel: letterChannel('channel'),
    // The address the letter went to, frozen at delivery time for the receipt and the ledger.
    deliveredTo: text('delivered_to'),
    outboxId: uuid('outbox_id'),
    failureReason: text('failure_reason'),
    // The partner whose `?ref=` link brought this action (credited in its dashboard), beside the free-form source.
    refOrganisationId: uuid('ref_organisation_id').references(() => organisations.id),
    source: text('source'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    // The office's system confirmed it: CWC accepted it, or the mail provider reported it delivered.
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('letters_campaign_supporter_senator_uq').on(t.campaignId, t.supporterId, t.senatorId),
    index('letters_campaign_created_idx').on(t.campaignId, t.createdAt),
    index('letters_senator_idx').on(t.senatorId, t.campaignId),
    index('letters_status_idx').on(t.status),
    index('letters_supporter_idx').on(t.supporterId),
    index('letters_batch_idx').on(t.batchId),
  ],
);

export type Letter = typeof letters.$inferSelect;
