'use server';

import { redirect } from 'next/navigation';
import { isAppError } from '@/lib/errors';
import { enforcePublicLimits } from '@/lib/security/public-limits';
import { unsubscribeSupporter, withdrawConsent } from '@/lib/supporters/unsubscribe-supporter';

/** The unsubscribe page's button: no session needed (the link is the credential), then back to the page. */
export async function unsubscribeAction(token: string): Promise<void> {
  let problem: string | null = null;
  try {
    await enforcePublicLimits('unsubscribe');
    await unsubscribeSupporter({ input: { token } });
  } catch (e) {
    if (!isAppError(e)) throw e;
    problem = e.code === 'RATE_LIMITED' ? 'limited' : 'link';
  }
  // Post/redirect/get: the page re-reads the state and shows the outcome; a refresh repeats nothing.
  redirect(`/unsubscribe/${encodeURIComponent(token)}${problem ? `?problem=${problem}` : ''}`);
}

/** One organisation's button: stop its updates only (the link is the credential). */
export async function withdrawConsentAction(token: string, formData: FormData): Promise<void> {
  let problem: string | null = null;
  let done = false;
  try {
    await enforcePublicLimits('unsubscribe');
    await withdrawConsent({ input: { token, organisationId: String(formData.get('organisationId') ?? '') } });
    done = true;
  } catch (e) {
    if (!isAppError(e)) throw e;
    problem = e.code === 'RATE_LIMITED' ? 'limited' : 'link';
  }
  redirect(`/unsubscribe/${encodeURIComponent(token)}${problem ? `?problem=${problem}` : done ? '?left=1' : ''}`);
}
