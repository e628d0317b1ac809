// The partner codes proxy.ts checks before it sends a `?ref=` visit to the campaign page's referral
// variant (/c/[slug]/r/[ref]): current partners only, and a change on this instance is seen at once.
import { beforeEach, describe, expect, it } from 'vitest';
import { openPostgres } from '@/db/client';
import { organisations } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { forgetPartnerCodes, isCurrentPartnerCode } from '@/lib/consents/partner-codes';
import { createPartner } from '@/lib/organisations/create-partner';
import { retirePartner } from '@/lib/organisations/retire-partner';
import { updatePartner } from '@/lib/organisations/update-partner';
import type { StaffUser } from '@/lib/auth/session-user';
import { getTestDb } from '../support/test-db';
import { makeStaff } from './staff-fixtures';

let owner: StaffUser;

beforeEach(async () => {
  const { db } = await getTestDb();
  await seedDatabase(db, { adminEmail: 'owner@test.example' });
  owner = await makeStaff('owner');
  forgetPartnerCodes();
});

describe('current partner codes', () => {
  it('knows a new partner at once, forgets a retired or renamed one, and never the host', async () => {
    expect(await isCurrentPartnerCode('amnesty')).toBe(false);
    const { id } = await createPartner({ actor: owner, input: { name: 'Amnesty Test', slug: 'amnesty' } });
    expect(await isCurrentPartnerCode('amnesty')).toBe(true);
    expect(await isCurrentPartnerCode('nobody')).toBe(false);

    await updatePartner({ actor: owner, input: { id, name: 'Amnesty Test', slug: 'amnesty-us' } });
    expect(await isCurrentPartnerCode('amnesty')).toBe(false);
    expect(await isCurrentPartnerCode('amnesty-us')).toBe(true);

    await retirePartner({ actor: owner, input: { id, retire: 'retire' } });
    expect(await isCurrentPartnerCode('amnesty-us')).toBe(false);
    await retirePartner({ actor: owner, input: { id, retire: 'restore' } });
    expect(await isCurrentPartnerCode('amnesty-us')).toBe(true);
  });

  it('remembers the codes for a few seconds: a change made elsewhere shows after that', async () => {
    const t0 = Date.now();
    expect(await isCurrentPartnerCode('oxfam', t0)).toBe(false);
    // Another instance adds the partner: this one's memo still says no until it expires.
    const { db } = await getTestDb();
    await db.insert(organisations).values({ name: 'Oxfam Test', slug: 'oxfam', kind: 'partner' });
    expect(await isCurrentPartnerCode('oxfam', t0 + 1_000)).toBe(false);
    expect(await isCurrentPartnerCode('oxfam', t0 + 6_000)).toBe(true);
  });

  it('after a failed read answers no for a second without reading again, then reads again', async () => {
    // A server that refuses connections: nothing listens on port 1.
    const down = openPostgres('postgres://postgres@127.0.0.1:1/ratify', 1);
    const t0 = Date.now();
    expect(await isCurrentPartnerCode('oxfam', t0, down.db)).toBe(false);
    await down.close();
    const { db } = await getTestDb();
    await db.insert(organisations).values({ name: 'Oxfam Test', slug: 'oxfam', kind: 'partner' });
    // The database is back and has the partner, but the failure is remembered for a moment.
    expect(await isCurrentPartnerCode('oxfam', t0 + 500)).toBe(false);
    expect(await isCurrentPartnerCode('oxfam', t0 + 1_500)).toBe(true);
  });

  it('reads once for visits that arrive together', async () => {
    const { db } = await getTestDb();
    await db.insert(organisations).values({ name: 'Oxfam Test', slug: 'oxfam', kind: 'partner' });
    let reads = 0;
    const counting = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === 'execute') reads++;
        return Reflect.get(target, prop, receiver);
      },
    });
    const t0 = Date.now();
    const answers = await Promise.all(Array.from({ length: 10 }, () => isCurrentPartnerCode('oxfam', t0, counting)));
    expect(answers).toEqual(Array(10).fill(true));
    expect(reads).toBe(1);
  });

  it('a read under way when a partner changes here is not kept: the next visit reads again', async () => {
    const { db } = await getTestDb();
    const underWay = isCurrentPartnerCode('oxfam');
    forgetPartnerCodes(); // as createPartner does, while the read above has not answered yet
    await db.insert(organisations).values({ name: 'Oxfam Test', slug: 'oxfam', kind: 'partner' });
    await underWay;
    expect(await isCurrentPartnerCode('oxfam')).toBe(true);
  });
});
