import { z } from 'zod';

export const RetryOutboxMessageInput = z.object({ outboxId: z.uuid('Unknown email.') });
export type RetryOutboxMessageInput = z.input<typeof RetryOutboxMessageInput>;

export { OUTBOX_STATUSES } from '@/db/schema/enum-values';
export type { OutboxStatus } from '@/db/schema/enum-values';
