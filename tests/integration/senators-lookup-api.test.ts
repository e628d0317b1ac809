import { eq, sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/senators/route';
import { senators } from '@/db/schema';
import { parseRoster, type RosterSenator } from '@/lib/senators/parse-roster';
import { PUBLIC_LIMITS } from '@/lib/security/public-limits';
import { readRosterSource } from '@/lib/senators/read-roster-source';
import { getTestDb } from '../support/test-db';
import { ROSTER_DIR } from '../support/roster';

// GET /api/senators, the JSON twin of the letter page's lookup (the page itself is in
// tests/e2e/lookup.spec.ts), called as Next calls the route handler.

const DURBIN = 'D000563';
const SECRET = 'correspondence@durbin.senate.example';
const WINDOW_MS = PUBLIC_LIMITS.lookup.ip.windowSeconds * 1000;
let roster: RosterSenator[];

beforeAll(async () => {
  roster = parseRoster(await readRosterSource(ROSTER_DIR));
});

beforeEach(async () => {
  const { db } = await getTestDb();
  await db.insert(senators).values(roster);
  // An office address on file must never reach the public answer.
  await db.update(senators).set({ deliveryEmail: SECRET }).where(eq(senators.bioguideId, DURBIN));
  // The limiter counts in fixed windows: pin the clock inside one so the burst below is never split.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS + 60_000);
});

afterEach(() => {
  vi.useRealTimers();
});

function get(query: string, ip: string) {
  return GET(new NextRequest(`http://localhost:3000/api/senators?${query}`, { headers: { 'x-forwarded-for': ip } }));
}

describe('GET /api/senators', () => {
  it('answers lookups, field errors as 400, and too many requests as 429', async () => {
    const ip = '10.20.30.40';
    const ok = await get('zip=62701-1234', ip);
    expect(ok.status).toBe(200);
    const { lookup } = await ok.json();
    expect(lookup).toMatchObject({ kind: 'state', state: 'IL', zip: '62701' });
    expect(lookup.senators.map((s: { lastName: string }) => s.lastName)).toEqual(['Durbin', 'Duckworth']);
    expect(JSON.stringify(lookup)).not.toMatch(/deliveryEmail|delivery_email/);
    expect(JSON.stringify(lookup)).not.toContain(SECRET);

    const bad = await get('zip=12a45', ip);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fieldErrors: { zip: ['Enter a 5-digit ZIP code, like 20500 or 20500-0001'] } } });
    expect((await get('state=ZZ', ip)).status).toBe(400);
    expect((await (await get('state=dc', ip)).json()).lookup).toMatchObject({ kind: 'no_senators', state: 'DC' });

    // Spend the rest of this address's allowance without 1,200 round trips: the counter the route
    // bumped for it stands at the limit, so the next lookup is one too many.
    const { db } = await getTestDb();
    await db.execute(sql`update rate_limits set count = ${PUBLIC_LIMITS.lookup.ip.limit} where key like 'lookup:ip:%'`);
    expect((await get('zip=62701', ip)).status).toBe(429);
    const limited = await get('zip=62701', ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another connection is not affected.
    expect((await get('zip=62701', '10.20.30.41')).status).toBe(200);
  });
});
