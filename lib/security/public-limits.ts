import 'server-only';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { clientIpHash, currentRequestOrigin, type RequestOrigin } from './client-ip';
import { keyedHash } from './hash';
import { consumeRateLimit } from './rate-limit';

export type PublicAction = 'sign' | 'letter' | 'lookup' | 'unsubscribe' | 'call_report';

type Limit = { limit: number; windowSeconds: number };

// Per email: strict — nobody needs to sign or write more than a handful of times an hour, and this is
// the limit a script cannot spread across addresses it does not own (every signature and letter also
// waits for a click in that inbox). Per connection: generous, because one public address often hides a
// crowd — a campus, a rally on one Wi-Fi, a mobile carrier's NAT. 300 per 10 minutes lets a room of
// 300 sign within minutes of a speaker asking (one attempt each, a retry or two for typos) and still
// caps a single machine at 30 a minute; a lookup is allowed four times that, since each supporter may
// look up before writing and signing. README: "Rate limits".
export const PUBLIC_LIMITS: Record<PublicAction, { ip: Limit; email?: Limit }> = {
  sign: { ip: { limit: 300, windowSeconds: 600 }, email: { limit: 5, windowSeconds: 3600 } },
  letter: { ip: { limit: 300, windowSeconds: 600 }, email: { limit: 5, windowSeconds: 3600 } },
  lookup: { ip: { limit: 1200, windowSeconds: 600 } },
  // A call report carries no email: the per-IP limit is all there is (two senators, a few calls each).
  call_report: { ip: { limit: 120, windowSeconds: 600 } },
  unsubscribe: { ip: { limit: 300, windowSeconds: 600 } },
};

/** The limits for `action`, with RATE_LIMIT_ACTIONS_PER_IP (default 300) for signing and writing per connection. */
export function limitsFor(action: PublicAction): { ip: Limit; email?: Limit } {
  const limits = PUBLIC_LIMITS[action];
  if (action !== 'sign' && action !== 'letter') return limits;
  return { ...limits, ip: { ...limits.ip, limit: env().RATE_LIMIT_ACTIONS_PER_IP } };
}

export const RATE_LIMITED_MESSAGE = 'Too many attempts from your connection. Please wait a few minutes and try again.';

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('RATE_LIMITED', RATE_LIMITED_MESSAGE, undefined, { retryAfterSeconds });

/**
 * Count this request against the per-IP limit (and the per-email one when an email is given) for
 * `action`; throws RATE_LIMITED (an AppError with `retryAfterSeconds`) when either is exceeded.
 * Call it before the transaction: refused attempts cost one upsert, not a signature's work.
 * `origin` defaults to the current request's (scripts and tests pass their own).
 */
export async function enforcePublicLimits(
  action: PublicAction,
  opts: { email?: string; origin?: RequestOrigin } = {},
): Promise<void> {
  if (env().RATE_LIMIT_DISABLED) return;
  const limits = limitsFor(action);
  const ipHash = await clientIpHash(opts.origin ?? (await currentRequestOrigin()));
  const checks = [consumeRateLimit(`${action}:ip:${ipHash}`, limits.ip)];
  if (limits.email && opts.email) {
    const email = opts.email.trim().toLowerCase();
    checks.push(consumeRateLimit(`${action}:email:${await keyedHash(`email:${email}`)}`, limits.email));
  }
  const results = await Promise.all(checks);
  const refused = results.filter((r) => !r.ok);
  if (refused.length) throw rateLimited(Math.max(...refused.map((r) => r.retryAfterSeconds)));
}
