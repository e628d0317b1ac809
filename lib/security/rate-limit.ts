import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { queryRows } from '@/db/raw';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';

export type RateLimitResult = { ok: boolean; remaining: number; retryAfterSeconds: number };

// Hand-written rather than rate-limiter-flexible: that library has no PGlite store, and the counters
// must live in the database so every app instance shares them. Fixed windows: one row per key and
// window, bumped by a single atomic upsert, so concurrent requests can never both slip under the limit.
const CLEANUP_PROBABILITY = 0.01;

/**
 * Count one attempt against `key` (already hashed and namespaced by the caller, e.g.
 * `sign:ip:<hash>`) and say whether it is within `limit` per `windowSeconds`.
 */
export async function consumeRateLimit(
  key: string,
  opts: { limit: number; windowSeconds: number },
  db: DbOrTx = getDb(),
): Promise<RateLimitResult> {
  if (env().RATE_LIMIT_DISABLED) return { ok: true, remaining: opts.limit, retryAfterSeconds: 0 };
  const windowMs = opts.windowSeconds * 1000;
  const now = Date.now();
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const windowEnd = new Date(windowStart.getTime() + windowMs);
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`insert into rate_limits (key, window_start, count, expires_at)
        values (${key}, ${windowStart.toISOString()}, 1, ${windowEnd.toISOString()})
        on conflict (key, window_start) do update set count = rate_limits.count + 1
        returning count`,
  );
  const count = Number(row.count);
  if (Math.random() < CLEANUP_PROBABILITY) void deleteExpiredRateLimits();
  const ok = count <= opts.limit;
  return {
    ok,
    remaining: Math.max(0, opts.limit - count),
    retryAfterSeconds: ok ? 0 : Math.max(1, Math.ceil((windowEnd.getTime() - now) / 1000)),
  };
}

/** Opportunistic: run now and then by a request, outside its transaction, and never fatal. */
export async function deleteExpiredRateLimits(db: DbOrTx = getDb()): Promise<void> {
  try {
    await db.execute(sql`delete from rate_limits where expires_at < now()`);
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'rate limit cleanup failed');
  }
}
