'use server';

import { redirect } from 'next/navigation';
import { isAppError } from '@/lib/errors';
import { confirmSignature } from '@/lib/petitions/confirm-signature';
import { setCookie } from '@/lib/http/request-scope';
import { issueWriterCookie } from '@/lib/security/writer-cookie';

/**
 * The "Confirm my signature" button (bound to the link's token, the only credential). It always
 * lands back on the link's page with `?confirmed=1`; the page then reads the token's state, so a
 * double submit shows the thank-you too, and a link that expired meanwhile is explained there.
 */
export async function confirmSignatureAction(token: string): Promise<void> {
  try {
    const { email } = await confirmSignature({ input: { token } });
    if (email) {
      // The click proved the address: this browser may write letters in its name without another email.
      const cookie = await issueWriterCookie(email);
      await setCookie(cookie.name, cookie.value, cookie.options);
    }
  } catch (e) {
    // Used (by this very click's twin) or expired: the page says which.
    if (!isAppError(e)) throw e;
  }
  redirect(`/confirm/signature/${encodeURIComponent(token)}?confirmed=1`);
}
