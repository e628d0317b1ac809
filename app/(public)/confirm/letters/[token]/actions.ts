'use server';

import { after } from 'next/server';
import { kickDrain } from '@/lib/email/drain-loop';
import { isAppError } from '@/lib/errors';
import { confirmLetters } from '@/lib/letters/confirm-letters';
import type { ConfirmLettersState } from '@/lib/letters/form-state';
import { requestLogger } from '@/lib/log/request-id';

/** The "Confirm and send" button (bound to the link's token). The token is the only credential. */
// useActionState also passes the previous state and the (empty) form data; neither is needed.
export async function confirmLettersAction(token: string): Promise<ConfirmLettersState> {
  try {
    const result = await confirmLetters({ input: { token } });
    after(() => kickDrain());
    return { status: 'done', ...result };
  } catch (e) {
    if (isAppError(e)) {
      return { status: 'error', code: e.code === 'NOT_FOUND' ? 'used' : e.code === 'VALIDATION' ? 'expired' : 'other', message: e.message };
    }
    (await requestLogger()).error({ err: e instanceof Error ? e.message : String(e) }, 'confirming letters failed');
    return { status: 'error', code: 'other', message: 'Something went wrong on our side and your letters were not sent. Please try again in a moment.' };
  }
}
