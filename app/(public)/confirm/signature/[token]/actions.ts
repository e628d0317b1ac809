'use server';

import { redirect } from 'next/navigation';
import { isAppError } from '@/lib/errors';
import { confirmSignature } from '@/lib/petitions/confirm-signature';

/**
 * The "Confirm my signature" button (bound to the link's token, the only credential). Either way
 * it lands back on the link's page: `?confirmed=1` after a success, which then shows the thank-you;
 * otherwise the page explains what is wrong with the link (used or expired meanwhile).
 */
export async function confirmSignatureAction(token: string): Promise<void> {
  let confirmed = false;
  try {
    await confirmSignature({ input: { token } });
    confirmed = true;
  } catch (e) {
    if (!isAppError(e)) throw e;
  }
  redirect(`/confirm/signature/${encodeURIComponent(token)}${confirmed ? '?confirmed=1' : ''}`);
}
