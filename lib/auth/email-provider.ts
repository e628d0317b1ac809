import 'server-only';
import { createHash } from 'node:crypto';
import type { EmailConfig } from 'next-auth/providers/email';
import { getDb } from '@/db/client';
import { enqueueEmail } from '@/lib/email/enqueue';
import { kickDrain } from '@/lib/email/drain-loop';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { findStaffByEmail } from './staff-lookup';

export const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;

/** Queue the sign-in mail through the outbox. Strangers and revoked staff get nothing, silently. */
export async function sendStaffSignInLink(params: { identifier: string; url: string; token: string }): Promise<void> {
  const { identifier, token } = params;
  const url = onPublicOrigin(params.url);
  // The signIn callback already refused strangers before a token existed; this second check keeps
  // the outbox honest if that callback is ever changed.
  const queued = await getDb().transaction(async (tx) => {
    const staff = await findStaffByEmail(identifier, tx);
    if (!staff || staff.revokedAt) return false;
    await enqueueEmail(tx, {
      template: 'staff-sign-in',
      to: staff.email,
      props: { url, host: new URL(url).host, expiresMinutes: MAGIC_LINK_MAX_AGE_SECONDS / 60 },
      // Only a hash of the token: the key is stored and sent to the mail provider as a header.
      idempotencyKey: `staff-sign-in:${createHash('sha256').update(token).digest('hex')}`,
    });
    return true;
  });
  if (queued) void kickDrain();
  else logger.warn('sign-in link not sent: address is not active staff');
}

/**
 * Auth.js builds the link from the request's Host (trustHost), which a client can forge: a link for a
 * colleague's address could then point at an attacker's host and hand them the token. Mailed links
 * always use APP_URL's origin instead.
 */
export function onPublicOrigin(link: string): string {
  const url = new URL(link);
  const base = new URL(env().APP_URL);
  url.protocol = base.protocol;
  url.host = base.host;
  return url.href;
}

/** Magic links by email, sent through our outbox (the built-in providers talk to Resend directly). */
export function staffEmailProvider(): EmailConfig {
  return {
    id: 'email',
    type: 'email',
    name: 'Email',
    maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
    sendVerificationRequest: ({ identifier, url, token }) => sendStaffSignInLink({ identifier, url, token }),
  };
}
