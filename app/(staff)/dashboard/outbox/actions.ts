'use server';

import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { kickDrain } from '@/lib/email/drain-loop';
import { RetryOutboxMessageInput } from '@/lib/email/monitor-schemas';
import { retryOutboxMessage } from '@/lib/email/retry-outbox-message';
import { staffAction } from '@/lib/forms/staff-action';

export const retryOutboxAction = staffAction({
  permission: 'outbox:view',
  fields: [],
  hidden: ['outboxId'],
  schema: RetryOutboxMessageInput,
  run: (actor, input) => retryOutboxMessage({ actor, input }),
  done: () => ({
    message: 'Queued again.',
    revalidate: () => {
      after(kickDrain);
      revalidatePath('/dashboard/outbox');
      revalidatePath('/dashboard/letters', 'layout');
    },
  }),
});
