import { beforeEach, describe, expect, it } from 'vitest';
import { pageViews } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { recordPageView } from '@/lib/analytics/record-page-view';
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

describe('getDataCacheNamespace', () => {
  it('is minted once per database and stable', async () => {
    const { getDataCacheNamespace } = await import('@/lib/campaigns/cache-namespace');
    (globalThis as { __ratifyCacheNamespace?: unknown }).__ratifyCacheNamespace = undefined;
    const [a, b] = await Promise.all([getDataCacheNamespace(), getDataCacheNamespace()]);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toBe(a);
    (globalThis as { __ratifyCacheNamespace?: unknown }).__ratifyCacheNamespace = undefined;
    expect(await getDataCacheNamespace()).toBe(a);
  });
});
