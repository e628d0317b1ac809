import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { emailEventType, outboxStatus, suppressionReason } from './enums';

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
    // The provider's latest word after accepting it (webhook): delivered, delayed, bounced, complained.
    deliveryEvent: emailEventType('delivery_event'),
    deliveryEventAt: timestamp('delivery_event_at', { withTimezone: true }),
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
    index('email_outbox_provider_id_idx').on(t.providerMessageId),
    // Progress and cancellation of an update read its rows by key prefix (update:<id>:…).
    index('email_outbox_key_prefix_idx').using('btree', sql`${t.idempotencyKey} text_pattern_ops`),
  ],
);

export type OutboxRow = typeof emailOutbox.$inferSelect;

// Every verified webhook event, once: its svix-id is unique, so a replay is refused. Kept for the
// record against its outbox row and letter; no payload beyond what staff need (no message text).
export const emailEvents = pgTable(
  'email_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    webhookId: text('webhook_id').notNull().unique(),
    type: emailEventType('type').notNull(),
    providerMessageId: text('provider_message_id'),
    outboxId: uuid('outbox_id'),
    letterId: uuid('letter_id'),
    // Resend's bounce type (Permanent / Transient / Undetermined) and its message, for staff.
    bounceType: text('bounce_type'),
    detail: text('detail'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('email_events_outbox_idx').on(t.outboxId), index('email_events_letter_idx').on(t.letterId)],
);

// Addresses the drainer will not mail (see lib/email/suppression.ts for which mail is held back).
export const emailSuppressions = pgTable('email_suppressions', {
  // Lower-cased.
  address: text('address').primaryKey(),
  reason: suppressionReason('reason').notNull(),
  eventId: uuid('event_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
