import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { campaigns, letters, pageViews, senators, signatures, supporters } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { AppError } from '@/lib/errors';
import { getCampaignAnalytics } from '@/lib/analytics/get-campaign-analytics';
import { listAnalyticsCampaigns } from '@/lib/analytics/list-analytics-campaigns';
import { fillFor, mapBins, ZERO_FILL } from '@/lib/analytics/map-scale';
import { getStatePaths, MAP_HEIGHT, MAP_WIDTH } from '@/lib/analytics/us-map';
import type { StaffActor } from '@/lib/auth/actor';
import { getTestDb } from '../support/test-db';

const viewer: StaffActor = { id: 'viewer-1', email: 'viewer@test.example', role: 'viewer' };
const TODAY = new Date('2025-03-10T15:00:00Z');

let db: Db;
let campaignId: string;
let otherId: string;

async function sign(p: { at: string; state: string | null; source?: string; verified?: boolean; optedIn?: boolean; campaign?: string }) {
  const [sup] = await db
    .insert(supporters)
    .values({ email: `${crypto.randomUUID()}@example.org`, firstName: 'Secret', lastName: 'Person' })
    .returning({ id: supporters.id });
  await db.insert(signatures).values({
    campaignId: p.campaign ?? campaignId,
    supporterId: sup.id,
    state: p.state,
    source: p.source ?? null,
    verifiedAt: p.verified ? new Date(p.at) : null,
    optedIn: p.optedIn ?? false,
    createdAt: new Date(p.at),
  });
  return sup.id;
}

beforeEach(async () => {
  ({ db } = await getTestDb());
  const seeded = await seedDatabase(db, { adminEmail: 'owner@test.example' });
  campaignId = seeded.campaignId;
  await db.update(campaigns).set({ petitionGoal: 8, goalAutoStep: true, createdAt: new Date('2025-01-01T00:00:00Z') });
  const [other] = await db
    .insert(campaigns)
    .values({ organisationId: seeded.organisationId, treatyId: seeded.treatyId, slug: 'other', title: 'Other', status: 'draft' })
    .returning({ id: campaigns.id });
  otherId = other.id;
  await db.insert(senators).values({ bioguideId: 'S000001', officialName: 'Sen. Test', firstName: 'Test', lastName: 'Senator', state: 'NY', party: 'Independent' });
});

async function knownDataSet() {
  // Ten signatures: 4 NY, 3 CA, 1 TX, 1 without a state, 1 outside the range; one on another campaign.
  const a = await sign({ at: '2025-03-08T10:00:00Z', state: 'NY', source: 'bluesky', verified: true, optedIn: true });
  const b = await sign({ at: '2025-03-08T23:59:59Z', state: 'NY', source: 'bluesky', verified: true });
  await sign({ at: '2025-03-09T00:00:00Z', state: 'NY', source: 'news', verified: true, optedIn: true });
  await sign({ at: '2025-03-09T12:00:00Z', state: 'NY' });
  await sign({ at: '2025-03-10T01:00:00Z', state: 'CA', source: 'bluesky', optedIn: true });
  await sign({ at: '2025-03-10T02:00:00Z', state: 'CA', source: '' });
  await sign({ at: '2025-03-10T03:00:00Z', state: 'CA', verified: true });
  await sign({ at: '2025-03-10T04:00:00Z', state: 'TX', source: 'news' });
  await sign({ at: '2025-03-10T05:00:00Z', state: null });
  await sign({ at: '2025-02-01T05:00:00Z', state: 'NY', source: 'bluesky' });
  await sign({ at: '2025-03-09T05:00:00Z', state: 'WY', campaign: otherId });

  await db.insert(letters).values([
    { campaignId, supporterId: a, senatorId: 'S000001', subject: 's', body: 'b', status: 'sent', createdAt: new Date('2025-03-08T11:00:00Z') },
    { campaignId, supporterId: b, senatorId: 'S000001', subject: 's', body: 'b', status: 'queued', createdAt: new Date('2025-03-10T11:00:00Z') },
  ]);
  await db.insert(pageViews).values([
    { campaignId, day: '2025-03-08', source: '', views: 30 },
    { campaignId, day: '2025-03-08', source: 'bluesky', views: 10 },
    { campaignId, day: '2025-03-10', source: '', views: 50 },
    { campaignId, day: '2025-02-01', source: '', views: 100 },
    { campaignId: otherId, day: '2025-03-09', source: '', views: 999 },
  ]);
}

describe('getCampaignAnalytics', () => {
  it('adds up a known data set', async () => {
    await knownDataSet();
    const a = await getCampaignAnalytics({ actor: viewer, input: { campaign: 'protect-children-protocol', from: '2025-03-08', to: '2025-03-10' }, today: TODAY });

    expect(a.campaign).toMatchObject({ id: campaignId, slug: 'protect-children-protocol' });
    expect(a.range).toEqual({ from: '2025-03-08', to: '2025-03-10', days: 3 });
    expect(a.daily).toEqual([
      { day: '2025-03-08', signatures: 2, letters: 1, views: 40 },
      { day: '2025-03-09', signatures: 2, letters: 0, views: 0 },
      { day: '2025-03-10', signatures: 5, letters: 1, views: 50 },
    ]);
    expect(a.period).toEqual({ signatures: 9, letters: 2, views: 90, conversion: 0.1 });
    expect(a.totals).toEqual({ signatures: 10, verified: 4, optedIn: 3, letters: 2, lettersSent: 1, views: 190 });
    expect(a.rates).toEqual({ verification: 0.4, optIn: 0.3 });
    // Goal 8 reached with auto-step: the shown goal climbs (8 → 15).
    expect(a.progress).toEqual({ count: 10, goal: 8, shownGoal: 15, percentOfGoal: 1.25 });
    expect(a.byState).toHaveLength(56);
    expect(a.byState.filter((s) => s.count > 0)).toEqual([
      { code: 'CA', name: 'California', count: 3 },
      { code: 'NY', name: 'New York', count: 5 },
      { code: 'TX', name: 'Texas', count: 1 },
    ]);
    expect(a.unknownState).toBe(1);
    expect(a.topSources).toEqual([
      { source: '(direct)', count: 4, share: 0.4 },
      { source: 'bluesky', count: 4, share: 0.4 },
      { source: 'news', count: 2, share: 0.2 },
    ]);
    // Aggregates only.
    const json = JSON.stringify(a);
    expect(json).not.toContain('Secret');
    expect(json).not.toContain('@example.org');
  });

  it('defaults to the last 90 days (not before the campaign began) and fills empty days with zeros', async () => {
    const a = await getCampaignAnalytics({ actor: viewer, input: {}, today: TODAY });
    expect(a.campaign.id).toBe(campaignId); // the live campaign comes first
    expect(a.range).toEqual({ from: '2025-01-01', to: '2025-03-10', days: 69 });
    expect(a.daily.every((d) => d.signatures === 0 && d.letters === 0 && d.views === 0)).toBe(true);
    expect(a.rates).toEqual({ verification: null, optIn: null });
    expect(a.period.conversion).toBeNull();
    expect(a.topSources).toEqual([]);

    await db.update(campaigns).set({ createdAt: new Date('2020-01-01T00:00:00Z') });
    const b = await getCampaignAnalytics({ actor: viewer, input: { campaign: campaignId }, today: TODAY });
    expect(b.range).toEqual({ from: '2024-12-11', to: '2025-03-10', days: 90 });

    // A campaign started today still gets two weeks of axis.
    await db.update(campaigns).set({ createdAt: TODAY });
    const c = await getCampaignAnalytics({ actor: viewer, input: {}, today: TODAY });
    expect(c.range).toEqual({ from: '2025-02-25', to: '2025-03-10', days: 14 });
  });

  it('refuses unknown campaigns, bad dates and staff without analytics:view', async () => {
    const code = (p: Promise<unknown>) => p.then(() => 'resolved', (e: AppError) => e.code);
    expect(await code(getCampaignAnalytics({ actor: viewer, input: { campaign: 'nope' } }))).toBe('NOT_FOUND');
    expect(await code(getCampaignAnalytics({ actor: viewer, input: { from: '2025-13-01' } }))).toBe('VALIDATION');
    expect(await code(getCampaignAnalytics({ actor: viewer, input: { from: '2025-03-02', to: '2025-03-01' } }))).toBe('VALIDATION');
    expect(await code(getCampaignAnalytics({ actor: null as unknown as StaffActor, input: {} }))).toBe('UNAUTHORIZED');
  });

  it('lists campaigns for the picker, live first', async () => {
    const list = await listAnalyticsCampaigns({ actor: viewer });
    expect(list.map((c) => c.slug)).toEqual(['protect-children-protocol', 'other']);
  });
});

describe('state map', () => {
  it('draws the 50 states and DC from the bundled atlas', () => {
    const paths = getStatePaths();
    expect(paths).toHaveLength(51);
    expect(new Set(paths.map((p) => p.code)).size).toBe(51);
    expect(paths.find((p) => p.code === 'AK')?.d).toMatch(/^M[\d.]+,[\d.]+/);
    // Everything lands inside the picture, bar the far end of the Aleutians (clipped by the SVG).
    const coords = paths
      .filter((p) => p.code !== 'AK')
      .flatMap((p) => [...p.d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]));
    expect(coords.length).toBeGreaterThan(5_000);
    expect(coords.every(([x, y]) => x >= 0 && x <= MAP_WIDTH && y >= 0 && y <= MAP_HEIGHT)).toBe(true);
  });

  it('bins counts into at most five ranges that cover 1..max', () => {
    expect(mapBins(0)).toEqual([]);
    expect(mapBins(3).map((b) => b.label)).toEqual(['1', '2', '3']);
    const bins = mapBins(1000);
    expect(bins.map((b) => [b.min, b.max])).toEqual([[1, 200], [201, 400], [401, 600], [601, 800], [801, 1000]]);
    expect(fillFor(0, bins)).toBe(ZERO_FILL);
    expect(fillFor(1000, bins)).toBe(bins[4].fill);
    expect(fillFor(200, bins)).toBe(bins[0].fill);
    expect(new Set(bins.map((b) => b.fill)).size).toBe(5);
  });
});

it('counts days in UTC whatever the session time zone', async () => {
  await sign({ at: '2025-03-09T23:30:00Z', state: 'NY' });
  await db.execute(sql`set time zone 'America/Los_Angeles'`);
  try {
    const a = await getCampaignAnalytics({ actor: viewer, input: { from: '2025-03-09', to: '2025-03-10' }, today: TODAY });
    expect(a.daily.map((d) => d.signatures)).toEqual([1, 0]);
  } finally {
    await db.execute(sql`set time zone 'UTC'`);
  }
});
