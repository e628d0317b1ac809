'use server';

import { redirect } from 'next/navigation';
import { isAppError } from '@/lib/errors';
import { markLetterSelfSent } from '@/lib/letters/mark-letter-self-sent';

/**
 * "I sent it": no session (the link is the credential), no JS needed, then back to the page
 * (post/redirect/get). No rate limit: the link is an HMAC nobody can guess, and pressing it twice is harmless.
 */
export async function markSelfSentAction(token: string): Promise<void> {
  let problem = false;
  try {
    await markLetterSelfSent({ input: { token } });
  } catch (e) {
    if (!isAppError(e)) throw e;
    problem = true;
  }
  redirect(`/letters/sent/${encodeURIComponent(token)}${problem ? '?problem=link' : ''}`);
}
