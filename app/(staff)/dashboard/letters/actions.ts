'use server';

import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { kickDrain } from '@/lib/email/drain-loop';
import { staffAction } from '@/lib/forms/staff-action';
import { RetryLetterInput } from '@/lib/letters/ledger-schemas';
import { retryLetter } from '@/lib/letters/retry-letter';

export const retryLetterAction = staffAction({
  permission: 'letters:retry',
  fields: [],
  hidden: ['letterId'],
  schema: RetryLetterInput,
  run: (actor, input) => retryLetter({ actor, input }),
  done: () => ({
    message: 'Queued again.',
    revalidate: () => {
      // Send after the response rather than at the next tick.
      after(kickDrain);
      revalidatePath('/dashboard/letters', 'layout');
    },
  }),
});
