import 'server-only';
import { createHash } from 'node:crypto';
import type { EmailConfig } from 'next-auth/providers/email';
import { getDb } from '@/db/client';
import { enqueueEmail } from '@/lib/email/enqueue';
import { secretLink } from '@/lib/email/secret-links';
import { kickDrain } from '@/lib/email/drain-loop';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { signInLinkPath } from './sign-in-link';
import { findStaffByEmail } from './staff-lookup';

export const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;

/**
 * Queue the sign-in mail through the outbox. Strangers and revoked staff get nothing, silently. The
 * link opens our /sign-in/link page (a button, so scanners cannot spend it) and its token is stored
 * sealed, never in the clear (lib/email/secret-links.ts).
 */
export async function sendStaffSignInLink(params: { identifier: string; url: string; token: string }): Promise<void> {
  const { identifier, token } = params;
  // The signIn callback already refused strangers before a token existed; this second check keeps
  // the outbox honest if that callback is ever changed.
  const queued = await getDb().transaction(async (tx) => {
    const staff = await findStaffByEmail(identifier, tx);
    if (!staff || staff.revokedAt) return false;
    await enqueueEmail(tx, {
      template: 'staff-sign-in',
      to: staff.email,
      props: {
        url: secretLink(signInLinkPath(params.url), token),
        host: new URL(env().APP_URL).host,
        expiresMinutes: MAGIC_LINK_MAX_AGE_SECONDS / 60,
      },
      // Only a hash of the token: the key is stored and sent to the mail provider as a header.
      idempotencyKey: `staff-sign-in:${createHash('sha256').update(token).digest('hex')}`,
    });
    return true;
  });
  if (queued) void kickDrain();
  else logger.warn('sign-in link not sent: address is not active staff');
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
