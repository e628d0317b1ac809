import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { queryRows } from '@/db/raw';
import { senators, supporters } from '@/db/schema';
import { demoCampaign } from '@/db/seed/opsc';
import { seedDatabase } from '@/db/seed/seed-database';
import { getCampaignAnalytics } from '@/lib/analytics/get-campaign-analytics';
import type { StaffActor } from '@/lib/auth/actor';
import { demoDataWanted } from '@/lib/boot/boot';
import { DEMO_EMAIL_DOMAIN, DEMO_LAST_NAMES } from '@/lib/demo/demo-people';
import { seedDemoData } from '@/lib/demo/seed-demo-data';
import { getTestDb } from '../support/test-db';

const NOW = new Date('2026-12-05T12:00:00Z');
const analyst: StaffActor = { id: 'analyst-1', email: 'analyst@test.example', role: 'analyst' };
let db: Db;

beforeEach(async () => {
  ({ db } = await getTestDb());
  await seedDatabase(db, { adminEmail: 'owner@test.example' });
  const senator = (id: string, state: string, last: string) => ({
    bioguideId: id,
    officialName: `Sen. ${last}`,
    firstName: 'Test',
    lastName: last,
    state,
    party: 'Independent',
  });
  await db
    .insert(senators)
    .values([senator('D000001', 'CA', 'Alpha'), senator('D000002', 'CA', 'Beta'), senator('D000003', 'TX', 'Gamma'), senator('D000004', 'TX', 'Delta')]);
});

const counts = async () =>
  (
    await queryRows<Record<string, number>>(
      db,
      sql`select (select count(*)::int from supporters) as supporters, (select count(*)::int from signatures) as signatures,
                 (select count(*)::int from letters) as letters, (select count(*)::int from senator_positions) as stances,
                 (select coalesce(sum(views), 0)::int from page_views) as views`,
    )
  )[0];

describe('the demo dataset of the embedded trial', () => {
  it('fills weeks of fictional activity the analytics and whip board can show', async () => {
    const result = await seedDemoData(db, { campaignSlug: demoCampaign.slug, now: NOW, signers: 150 });
    expect(result.seeded).toBe(true);
    expect(result.signatures).toBe(150);
    const c = await counts();
    expect(c).toMatchObject({ supporters: 150, signatures: 150, letters: result.letters, stances: result.stances });
    expect(c.views).toBeGreaterThan(150);

    // Fictional people only: invented surnames, addresses that can never receive mail.
    const people = await db.select({ email: supporters.email, lastName: supporters.lastName }).from(supporters);
    for (const p of people) {
      expect(p.email!.endsWith(`@${DEMO_EMAIL_DOMAIN}`)).toBe(true);
      expect(DEMO_LAST_NAMES).toContain(p.lastName);
    }

    // Spread over weeks, most recent days busier; letters only to the writer's own senators.
    const [span] = await queryRows<{ days: number; first_week: number; last_week: number }>(
      db,
      sql`select count(distinct (created_at at time zone 'UTC')::date)::int as days,
                 count(*) filter (where created_at < ${new Date(NOW.getTime() - 21 * 86_400_000).toISOString()}::timestamptz)::int as first_week,
                 count(*) filter (where created_at >= ${new Date(NOW.getTime() - 7 * 86_400_000).toISOString()}::timestamptz)::int as last_week
          from signatures`,
    );
    expect(span.days).toBeGreaterThanOrEqual(14);
    expect(span.last_week).toBeGreaterThan(span.first_week);
    const [{ strangers }] = await queryRows<{ strangers: number }>(
      db,
      sql`select count(*)::int as strangers from letters l join senators s on s.bioguide_id = l.senator_id where s.state <> l.state`,
    );
    expect(strangers).toBe(0);
    expect(result.letters).toBeGreaterThan(0);

    // Stances say they are invented, with a source that is plainly not a real one.
    const stances = await queryRows<{ note: string; source_url: string }>(db, sql`select note, source_url from senator_positions`);
    const [{ history }] = await queryRows<{ history: number }>(db, sql`select count(*)::int as history from senator_stance_events`);
    expect(history).toBe(stances.length);
    for (const s of stances) {
      expect(s.note).toMatch(/^Demo data/);
      expect(s.source_url).toMatch(/^https:\/\/example\.org\/demo-stance\//);
    }

    const analytics = await getCampaignAnalytics({ actor: analyst, input: { campaign: demoCampaign.slug, from: '2026-11-05', to: '2026-12-05' }, today: NOW });
    expect(analytics.totals.signatures).toBe(150);
    expect(analytics.daily.filter((d) => d.signatures > 0).length).toBeGreaterThanOrEqual(14);
    expect(analytics.topSources.length).toBeGreaterThan(1);
    expect(analytics.byState.find((s) => s.code === 'CA')!.count).toBeGreaterThan(0);
  });

  it('seeds once, and never beside real supporters', async () => {
    const first = await seedDemoData(db, { campaignSlug: demoCampaign.slug, now: NOW, signers: 40 });
    const before = await counts();
    const again = await seedDemoData(db, { campaignSlug: demoCampaign.slug, now: NOW, signers: 40 });
    expect(first.seeded).toBe(true);
    expect(again.seeded).toBe(false);
    expect(await counts()).toEqual(before);

    await db.execute(sql`delete from app_settings where key = 'demo_data_seeded_at'`);
    await db.execute(sql`delete from letters`);
    await db.execute(sql`delete from signatures`);
    await db.execute(sql`delete from supporters`);
    await db.insert(supporters).values({ email: 'real.person@example.org', firstName: 'Real', lastName: 'Person' });
    expect((await seedDemoData(db, { campaignSlug: demoCampaign.slug, now: NOW })).seeded).toBe(false);
    expect((await counts()).signatures).toBe(0);
  });

  it('is wanted only on the embedded database with seeding on, and DEMO_DATA=0 turns it off', () => {
    expect(demoDataWanted({ SEED_ON_START: '1', DEMO_DATA: undefined }, 'pglite')).toBe(true);
    expect(demoDataWanted({ SEED_ON_START: '1', DEMO_DATA: '1' }, 'postgres')).toBe(false);
    expect(demoDataWanted({ SEED_ON_START: '1', DEMO_DATA: '0' }, 'pglite')).toBe(false);
    expect(demoDataWanted({ SEED_ON_START: '0', DEMO_DATA: undefined }, 'pglite')).toBe(false);
  });
});
