import 'server-only';
import { logger } from '@/lib/log/logger';
import { keyedHash } from '@/lib/security/hash';
import { consumeRateLimit } from '@/lib/security/rate-limit';
import { findStaffByEmail } from './staff-lookup';

// Per address: enough for a few retries, too few to mail-bomb a colleague. Per connection: an office
// behind one NAT signing several people in. Both count every request, known address or not, so the
// answer (and its timing, roughly) never depends on whether the address is staff.
export const SIGN_IN_LIMITS = {
  email: { limit: 5, windowSeconds: 15 * 60 },
  ip: { limit: 30, windowSeconds: 15 * 60 },
} as const;

export type SignInDecision = 'send' | 'unknown' | 'revoked' | 'rate_limited';

/**
 * Decide whether a magic link may be sent. Anything but `send` must look exactly like `send` to the
 * requester (same redirect, no mail): the caller maps every refusal to the neutral "check your inbox".
 */
export async function decideSignInRequest(opts: { email: string; ipHash: string | null }): Promise<SignInDecision> {
  const email = opts.email.trim().toLowerCase();
  const checks = [consumeRateLimit(`staff-sign-in:email:${await keyedHash(`email:${email}`)}`, SIGN_IN_LIMITS.email)];
  if (opts.ipHash) checks.push(consumeRateLimit(`staff-sign-in:ip:${opts.ipHash}`, SIGN_IN_LIMITS.ip));
  const limited = (await Promise.all(checks)).some((r) => !r.ok);

  let decision: SignInDecision;
  if (limited) decision = 'rate_limited';
  else {
    const staff = await findStaffByEmail(email);
    decision = !staff ? 'unknown' : staff.revokedAt ? 'revoked' : 'send';
  }
  if (decision !== 'send') logger.info({ decision }, 'staff sign-in request refused (answered neutrally)');
  return decision;
}
