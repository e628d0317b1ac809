import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/raw';
import { rateLimits } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { resetEnvCache } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { consumeRateLimit, deleteExpiredRateLimits } from '@/lib/security/rate-limit';
import { createActionToken, consumeActionToken, peekActionToken } from '@/lib/security/tokens';
import { findOrCreateSupporter as upsertSupporter } from '@/lib/supporters/find-or-create-supporter';
import { getTestDb } from '../support/test-db';

import { enforcePublicLimits as enforce, PUBLIC_LIMITS, type PublicAction } from '@/lib/security/public-limits';

// Outside a request, hand enforcePublicLimits the connection a request would come from.
const origin = { peer: '198.51.100.1', forwardedFor: undefined as string | undefined };
const enforcePublicLimits = (action: PublicAction, opts: { email?: string } = {}) =>
  enforce(action, { ...opts, origin: { ...origin } });

describe('consumeRateLimit', () => {
  it('allows `limit` attempts per window and refuses the next, per key', async () => {
    const opts = { limit: 3, windowSeconds: 60 };
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consumeRateLimit('test:a', opts));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3].retryAfterSeconds).toBeGreaterThan(0);
    expect(results[3].retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await consumeRateLimit('test:b', opts)).ok).toBe(true);
  });

  it('lets exactly `limit` of many simultaneous attempts through', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => consumeRateLimit('test:race', { limit: 7, windowSeconds: 60 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    const { db } = await getTestDb();
    const rows = await db.select().from(rateLimits);
    expect(rows).toHaveLength(1);
    expect(rows[0].count).toBe(20);
  });

  it('cleans up expired windows', async () => {
    const { db } = await getTestDb();
    await db.execute(sql`insert into rate_limits (key, window_start, count, expires_at)
      values ('old', now() - interval '2 hours', 5, now() - interval '1 hour')`);
    await consumeRateLimit('fresh', { limit: 1, windowSeconds: 60 });
    await deleteExpiredRateLimits();
    const keys = await queryRows<{ key: string }>(db, sql`select key from rate_limits`);
    expect(keys.map((k) => k.key)).toEqual(['fresh']);
  });

  it('is a no-op when RATE_LIMIT_DISABLED is set', async () => {
    process.env.RATE_LIMIT_DISABLED = '1';
    resetEnvCache();
    try {
      for (let i = 0; i < 3; i++) expect((await consumeRateLimit('test:off', { limit: 1, windowSeconds: 60 })).ok).toBe(true);
    } finally {
      delete process.env.RATE_LIMIT_DISABLED;
      resetEnvCache();
    }
  });
});

describe('enforcePublicLimits', () => {
  beforeEach(() => {
    origin.peer = `198.51.100.${Math.floor(Math.random() * 250)}`;
  });

  it('refuses the n+1-th attempt from one connection with RATE_LIMITED', async () => {
    const n = PUBLIC_LIMITS.sign.ip.limit;
    for (let i = 0; i < n; i++) await enforcePublicLimits('sign', { email: `p${i}@example.org` });
    const e = await enforcePublicLimits('sign', { email: 'last@example.org' }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/Too many attempts/) });
    expect((e as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    // Another action has its own budget.
    await expect(enforcePublicLimits('lookup')).resolves.toBeUndefined();
  });

  it('RATE_LIMIT_ACTIONS_PER_IP sets the per-connection limit for signing and writing, not for the rest', async () => {
    process.env.RATE_LIMIT_ACTIONS_PER_IP = '3';
    resetEnvCache();
    try {
      for (const action of ['sign', 'letter'] as const) {
        for (let i = 0; i < 3; i++) await enforcePublicLimits(action, { email: `${action}${i}@example.org` });
        await expect(enforcePublicLimits(action, { email: `${action}-last@example.org` })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      }
      for (let i = 0; i < 4; i++) await enforcePublicLimits('lookup');
    } finally {
      delete process.env.RATE_LIMIT_ACTIONS_PER_IP;
      resetEnvCache();
    }
    expect(PUBLIC_LIMITS.sign.ip.limit).toBe(300); // the default
  });

  it('limits one email across connections, and stores no raw IP or email', async () => {
    const n = PUBLIC_LIMITS.sign.email!.limit;
    for (let i = 0; i < n; i++) {
      origin.peer = `203.0.113.${i + 1}`;
      await enforcePublicLimits('sign', { email: 'Same@Example.org' });
    }
    origin.peer = '203.0.113.200';
    await expect(enforcePublicLimits('sign', { email: 'same@example.org ' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    const { db } = await getTestDb();
    const keys = JSON.stringify(await db.select({ key: rateLimits.key }).from(rateLimits));
    expect(keys).not.toMatch(/203\.0\.113|same@example/i);
  });
});

describe('action tokens', () => {
  async function supporterId() {
    const { db } = await getTestDb();
    const seeded = await seedDatabase(db, { adminEmail: 'owner@test.example' });
    const s = await upsertSupporter(db, { email: 'T@Example.org ', firstName: 'T', lastName: 'U', zip: '10001', state: 'NY' });
    expect(s).toMatchObject({ created: true, emailVerified: false });
    return { supporterId: s.id, campaignId: seeded.campaignId };
  }

  it('stores only a hash, redeems once, and can be peeked without being used', async () => {
    const { db } = await getTestDb();
    const owner = await supporterId();
    const raw = await createActionToken(db, { purpose: 'confirm_letters', ...owner, ttlHours: 1 });
    expect(raw).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await queryRows<{ token_hash: string }>(db, sql`select token_hash from action_tokens`);
    expect(stored[0].token_hash).not.toContain(raw);
    expect(await peekActionToken(db, raw, 'confirm_letters')).toEqual({ ...owner, batchId: null });
    expect(await consumeActionToken(db, raw, 'confirm_letters')).toEqual({ ...owner, batchId: null });
    await expect(consumeActionToken(db, raw, 'confirm_letters')).rejects.toMatchObject({ code: 'TOKEN_USED' });
    await expect(peekActionToken(db, raw, 'confirm_letters')).rejects.toMatchObject({ code: 'TOKEN_USED' });
  });

  it('keeps multi-use tokens usable and rejects expired ones as TOKEN_EXPIRED', async () => {
    const { db } = await getTestDb();
    const owner = await supporterId();
    const raw = await createActionToken(db, { purpose: 'unsubscribe', supporterId: owner.supporterId, ttlHours: 1 });
    for (let i = 0; i < 3; i++) {
      expect(await consumeActionToken(db, raw, 'unsubscribe', { singleUse: false })).toEqual({
        supporterId: owner.supporterId,
        campaignId: null,
        batchId: null,
      });
    }
    const old = await createActionToken(db, { purpose: 'unsubscribe', supporterId: owner.supporterId, ttlHours: -1 });
    await expect(consumeActionToken(db, old, 'unsubscribe')).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('findOrCreateSupporter finds the same person by normalised email and never rewrites their record', async () => {
    const { db } = await getTestDb();
    const { supporterId: id } = await supporterId();
    await db.execute(sql`update supporters set email_verified_at = now()`);
    const again = await upsertSupporter(db, { email: 't@example.org', firstName: 'Tee', lastName: 'U', zip: '20002', state: 'DC', city: 'Washington' });
    expect(again).toEqual({ id, emailVerified: true, created: false, forgotten: false, writerTrustRevokedAt: null });
    // Anyone can type anyone's address: the profile changes only through a confirmed click.
    const [row] = await queryRows<{ first_name: string; city: string | null; state: string; zip: string }>(db, sql`select * from supporters`);
    expect(row).toMatchObject({ first_name: 'T', city: null, state: 'NY', zip: '10001' });
  });
});
