import { z } from 'zod';

export const RetryOutboxMessageInput = z.object({ outboxId: z.uuid('Unknown email.') });
export type RetryOutboxMessageInput = z.input<typeof RetryOutboxMessageInput>;

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
