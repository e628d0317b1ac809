import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { verificationTokens } from '@/db/schema';
import { env } from '@/lib/env';
import { getAppSecret } from '@/lib/security/app-secret';
import { resolveAuthRedirect } from './safe-redirect';

// Staff sign-in links lead to /sign-in/link, a page with a "Sign in" button, never straight to
// Auth.js's callback: mail scanners (Outlook Safe Links and the like) open every link in a message,
// and a GET that redeemed the single-use token would sign the scanner in and spend the link. Only
// the button's POST reaches the callback (route.ts turns a GET of the callback into this page).

export const SIGN_IN_LINK_PATH = '/sign-in/link';
// Auth.js's email callback under AUTH_BASE_PATH (config.ts imports this file, so not derived from it).
export const EMAIL_CALLBACK_PATH = '/api/auth/callback/email';

export const SignInLinkQuery = z.object({
  // Auth.js's tokens are 64 hex characters; anything else is a mangled link.
  token: z.string().regex(/^[a-f0-9]{64}$/),
  email: z.email().max(254),
  callbackUrl: z.string().max(2000).optional(),
});
export type SignInLinkQuery = z.infer<typeof SignInLinkQuery>;

/**
 * The emailed path, with `{token}` where the (sealed) token goes. Only the query of Auth.js's link is
 * kept: Auth.js builds it from the request's Host (trustHost), which a client can forge, so a link for
 * a colleague could point at an attacker's host; the mail always uses APP_URL's origin instead.
 */
export function signInLinkPath(authLink: string): string {
  const query = new URLSearchParams(new URL(authLink).searchParams);
  query.delete('token');
  return `${SIGN_IN_LINK_PATH}?${query.toString()}&token={token}`;
}

/** Where the page's button posts: the Auth.js callback, which reads these from the query string. */
export function callbackAction(q: SignInLinkQuery): string {
  const query = new URLSearchParams({ email: q.email, token: q.token });
  const base = env().APP_URL.replace(/\/$/, '');
  if (q.callbackUrl) query.set('callbackUrl', resolveAuthRedirect(q.callbackUrl, base));
  return `${EMAIL_CALLBACK_PATH}?${query.toString()}`;
}

/**
 * Whether the link would still sign someone in, without using it: Auth.js keeps only
 * SHA-256(token + secret), the same hash looked up here.
 */
export async function isSignInLinkUsable(q: SignInLinkQuery): Promise<boolean> {
  const secret = await getAppSecret('auth_secret', env().AUTH_SECRET);
  const hash = createHash('sha256').update(`${q.token}${secret}`).digest('hex');
  const [row] = await getDb()
    .select({ expires: verificationTokens.expires })
    .from(verificationTokens)
    .where(
      and(
        eq(verificationTokens.identifier, q.email.toLowerCase()),
        eq(verificationTokens.token, hash),
        gt(verificationTokens.expires, new Date()),
      ),
    );
  return !!row;
}
