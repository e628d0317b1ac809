import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { outboxStatus } from './enums';

export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    template: text('template').notNull(),
    toAddress: text('to_address').notNull(),
    props: jsonb('props').$type<Record<string, unknown>>().notNull(),
    // Unique so that enqueueing the same message twice is a no-op; also sent to Resend as its
    // Idempotency-Key, so a retry after a lost response never delivers twice.
    idempotencyKey: text('idempotency_key').notNull().unique(),
    status: outboxStatus('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    // A claimed row is leased; a drainer that dies mid-send lets the lease lapse and another retries.
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    // Rendered copy kept after sending, so the dev mailbox and receipts show exactly what went out.
    renderedSubject: text('rendered_subject'),
    renderedHtml: text('rendered_html'),
    renderedText: text('rendered_text'),
    transport: text('transport'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    // Set when the recipient or the person in the message is forgotten: a send finishing afterwards
    // records its outcome but writes no rendered copy back.
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('email_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('email_outbox_created_idx').on(t.createdAt),
    index('email_outbox_to_idx').on(t.toAddress),
  ],
);

export type OutboxRow = typeof emailOutbox.$inferSelect;
