import { beforeEach, describe, expect, it } from 'vitest';
import { pageViews } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { countPageView, recordPageView, VIEWS_PER_ADDRESS } from '@/lib/analytics/record-page-view';
import { getTestDb } from '../support/test-db';

let campaignId: string;
beforeEach(async () => {
  const { db } = await getTestDb();
  ({ campaignId } = await seedDatabase(db, { adminEmail: 'owner@test.example' }));
});

describe('recordPageView', () => {
  it('counts views per campaign, day and source, with nothing about the visitor', async () => {
    await recordPageView(campaignId, undefined);
    await recordPageView(campaignId, undefined);
    await recordPageView(campaignId, 'bluesky');
    const { db } = await getTestDb();
    const rows = await db.select().from(pageViews);
    expect(rows.map((r) => [r.source, r.views]).sort()).toEqual([
      ['', 2],
      ['bluesky', 1],
    ]);
    expect(Object.keys(rows[0]).sort()).toEqual(['campaignId', 'day', 'source', 'views']);
  });
});

describe('countPageView', () => {
  it('stops counting one address after its hourly budget, per campaign, without storing the address', async () => {
    const { db } = await getTestDb();
    const counted = [];
    for (let i = 0; i < VIEWS_PER_ADDRESS.limit + 3; i++) counted.push(await countPageView({ campaignId, source: undefined, ipHash: 'hash-a' }));
    expect(counted.filter(Boolean)).toHaveLength(VIEWS_PER_ADDRESS.limit);
    expect(counted.slice(-3)).toEqual([false, false, false]);
    expect(await countPageView({ campaignId, source: 'x', ipHash: 'hash-b' })).toBe(true);
    const rows = await db.select().from(pageViews);
    expect(rows.map((r) => [r.source, r.views]).sort()).toEqual([
      ['', VIEWS_PER_ADDRESS.limit],
      ['x', 1],
    ]);
  });
});
