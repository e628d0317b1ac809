'use server';

import { kickDrain } from '@/lib/email/drain-loop';
import { toFormState } from '@/lib/errors';
import type { ConfirmLettersState } from '@/lib/forms/letter';
import { runAfterResponse, setCookie } from '@/lib/http/request-scope';
import { confirmLetters } from '@/lib/letters/confirm-letters';
import { issueWriterCookie } from '@/lib/security/writer-cookie';

/** The "Confirm and send" button (bound to the link's token). The token is the only credential. */
// useActionState also passes the previous state and the (empty) form data; neither is needed.
export async function confirmLettersAction(token: string): Promise<ConfirmLettersState> {
  try {
    const { email, ...result } = await confirmLetters({ input: { token } });
    // This browser has now proved the address: its next letters need no email round trip.
    const cookie = await issueWriterCookie(email);
    await setCookie(cookie.name, cookie.value, cookie.options);
    runAfterResponse(() => kickDrain());
    return { status: 'done', ...result };
  } catch (e) {
    const state = await toFormState(e, {
      fallback: 'Something went wrong on our side and your letters were not sent. Please try again in a moment.',
      log: 'confirming letters failed',
    });
    const code = state.code === 'TOKEN_EXPIRED' ? 'expired' : state.code === 'TOKEN_USED' || state.code === 'NOT_FOUND' ? 'used' : 'other';
    return { status: 'error', code, message: state.message };
  }
}
