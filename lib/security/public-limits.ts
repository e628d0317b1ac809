import 'server-only';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { getClientIpHash } from './client-ip';
import { keyedHash } from './hash';
import { consumeRateLimit } from './rate-limit';

export type PublicAction = 'sign' | 'letter' | 'lookup' | 'unsubscribe';

type Limit = { limit: number; windowSeconds: number };

// Per connection: generous enough for a household or office behind one address, low enough to make
// scripted signing slow. Per email: nobody needs to sign or write more than a handful of times an hour.
export const PUBLIC_LIMITS: Record<PublicAction, { ip: Limit; email?: Limit }> = {
  sign: { ip: { limit: 10, windowSeconds: 600 }, email: { limit: 5, windowSeconds: 3600 } },
  letter: { ip: { limit: 10, windowSeconds: 600 }, email: { limit: 5, windowSeconds: 3600 } },
  lookup: { ip: { limit: 60, windowSeconds: 600 } },
  unsubscribe: { ip: { limit: 30, windowSeconds: 600 } },
};

export const RATE_LIMITED_MESSAGE = 'Too many attempts from your connection. Please wait a few minutes and try again.';

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('RATE_LIMITED', RATE_LIMITED_MESSAGE, undefined, { retryAfterSeconds });

/**
 * Count this request against the per-IP limit (and the per-email one when an email is given) for
 * `action`; throws RATE_LIMITED (an AppError with `retryAfterSeconds`) when either is exceeded.
 * Call it before the transaction: refused attempts cost one upsert, not a signature's work.
 * `requestHeaders` defaults to the current request's (scripts and tests pass their own).
 */
export async function enforcePublicLimits(
  action: PublicAction,
  opts: { email?: string; requestHeaders?: Pick<Headers, 'get'> } = {},
): Promise<void> {
  if (env().RATE_LIMIT_DISABLED) return;
  const limits = PUBLIC_LIMITS[action];
  const checks = [consumeRateLimit(`${action}:ip:${await getClientIpHash(opts.requestHeaders)}`, limits.ip)];
  if (limits.email && opts.email) {
    const email = opts.email.trim().toLowerCase();
    checks.push(consumeRateLimit(`${action}:email:${await keyedHash(`email:${email}`)}`, limits.email));
  }
  const results = await Promise.all(checks);
  const refused = results.filter((r) => !r.ok);
  if (refused.length) throw rateLimited(Math.max(...refused.map((r) => r.retryAfterSeconds)));
}
