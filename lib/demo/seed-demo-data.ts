import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import zipcodes from 'zipcodes';
import type { Db } from '@/db/client';
import { appSettings, campaigns, letters, pageViews, senatorPositions, senatorStanceEvents, senators, signatures, supporters } from '@/db/schema';
import type { Stance } from '@/db/schema/enum-values';
import { stateName } from '@/lib/geo/us-states';
import { loadLetterCampaign } from '@/lib/letters/letter-campaign';
import { composeLetter } from '@/lib/letters/letter-draft';
import { DEMO_EMAIL_DOMAIN, DEMO_FIRST_NAMES, DEMO_LAST_NAMES, DEMO_SOURCES, DEMO_STATE_WEIGHTS } from './demo-people';

// A few weeks of made-up activity for the embedded trial, so the dashboard, analytics, map and whip
// board show what they are for. Every person is fictional (invented surnames, addresses at a domain
// that can never receive mail); the stances are invented too and say so in their note. Seeded once:
// a marker in app_settings, under an advisory lock, so two processes never seed twice.

const DEMO_LOCK = 727_277;
const MARKER = 'demo_data_seeded_at';

export type DemoOptions = {
  campaignSlug: string;
  /** The moment the activity ends (default: now). */
  now?: Date;
  days?: number;
  signers?: number;
  /** PRNG seed: the same seed gives the same people, days and stances. */
  seed?: number;
};

export type DemoResult = { seeded: boolean; signatures: number; letters: number; stances: number; pageViews: number };

/** A small, fast, seedable PRNG (mulberry32): demo data must not depend on Math.random. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(rand: () => number, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of entries) {
    r -= w;
    if (r < 0) return v;
  }
  return entries[entries.length - 1][0];
}

const DEMO_STANCES: readonly (readonly [Stance, number])[] = [
  ['champion', 4],
  ['supports', 14],
  ['leaning_yes', 9],
  ['undecided', 8],
  ['leaning_no', 4],
  ['opposes', 3],
];

export async function seedDemoData(db: Db, opts: DemoOptions): Promise<DemoResult> {
  const rand = prng(opts.seed ?? 20261205);
  const now = opts.now ?? new Date();
  const days = opts.days ?? 28;
  const signerCount = opts.signers ?? 640;
  const none: DemoResult = { seeded: false, signatures: 0, letters: 0, stances: 0, pageViews: 0 };

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK})`);
    const [marker] = await tx.select().from(appSettings).where(eq(appSettings.key, MARKER));
    if (marker) return none;
    // Never beside real people: a database that has any supporter is not a fresh trial.
    const [anyone] = await tx.select({ id: supporters.id }).from(supporters).limit(1);
    if (anyone) return none;
    const [campaign] = await tx
      .select({ id: campaigns.id, treatyId: campaigns.treatyId })
      .from(campaigns)
      .where(eq(campaigns.slug, opts.campaignSlug));
    if (!campaign) return none;
    const letterCampaign = await loadLetterCampaign(tx, { id: campaign.id });
    const roster = await tx
      .select({
        id: senators.bioguideId,
        state: senators.state,
        firstName: senators.firstName,
        lastName: senators.lastName,
        officialName: senators.officialName,
      })
      .from(senators)
      .where(eq(senators.isCurrent, true))
      .orderBy(senators.bioguideId);
    const byState = new Map<string, typeof roster>();
    for (const s of roster) byState.set(s.state, [...(byState.get(s.state) ?? []), s]);

    // When each signature happened: growing towards today, with one newsletter day standing out.
    const start = now.getTime() - days * 86_400_000;
    const spikeDay = Math.floor(days * 0.6);
    const dayWeights = Array.from({ length: days }, (_, d) => [d, (1 + d / 6) * (d === spikeDay ? 4 : 1) * (0.7 + rand() * 0.6)] as const);

    const zipsByState = new Map<string, { zip: string; city: string }[]>();
    const placeIn = (state: string) => {
      let list = zipsByState.get(state);
      if (!list) {
        list = (zipcodes.lookupByState(state) as { zip: string; city: string }[]).map((z) => ({ zip: z.zip, city: z.city }));
        zipsByState.set(state, list);
      }
      return list.length ? list[Math.floor(rand() * list.length)] : { zip: null, city: null };
    };

    const people = Array.from({ length: signerCount }, (_, i) => {
      const first = DEMO_FIRST_NAMES[Math.floor(rand() * DEMO_FIRST_NAMES.length)];
      const last = DEMO_LAST_NAMES[Math.floor(rand() * DEMO_LAST_NAMES.length)];
      const state = weighted(rand, DEMO_STATE_WEIGHTS);
      const place = placeIn(state);
      const day = weighted(rand, dayWeights);
      const at = new Date(Math.min(now.getTime() - 60_000, start + (day + rand()) * 86_400_000));
      const source = day === spikeDay && rand() < 0.7 ? 'newsletter' : weighted(rand, DEMO_SOURCES);
      const verified = rand() < 0.82;
      return {
        email: `${first}.${last}.${i + 1}@${DEMO_EMAIL_DOMAIN}`.toLowerCase(),
        firstName: first,
        lastName: last,
        state,
        zip: place.zip,
        city: place.city,
        at,
        day,
        source,
        verifiedAt: verified ? new Date(at.getTime() + Math.floor(rand() * 3_600_000)) : null,
        optedIn: rand() < 0.45,
        comment: rand() < 0.06 ? 'Every child deserves this protection. Please ratify it.' : null,
        writes: rand() < 0.38,
      };
    });

    const ids = new Map<string, string>();
    for (let i = 0; i < people.length; i += 200) {
      const rows = await tx
        .insert(supporters)
        .values(
          people.slice(i, i + 200).map((p) => ({
            email: p.email,
            firstName: p.firstName,
            lastName: p.lastName,
            zip: p.zip,
            city: p.city,
            state: p.state,
            emailVerifiedAt: p.verifiedAt,
            createdAt: p.at,
            updatedAt: p.at,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: supporters.id, email: supporters.email });
      for (const r of rows) if (r.email) ids.set(r.email, r.id);
    }
    const seededPeople = people.filter((p) => ids.has(p.email));

    for (let i = 0; i < seededPeople.length; i += 200) {
      await tx.insert(signatures).values(
        seededPeople.slice(i, i + 200).map((p) => ({
          campaignId: campaign.id,
          supporterId: ids.get(p.email)!,
          firstName: p.firstName,
          lastName: p.lastName,
          zip: p.zip,
          city: p.city,
          state: p.state,
          visibility: 'hidden' as const,
          comment: p.comment,
          commentStatus: p.comment ? (rand() < 0.7 ? ('approved' as const) : ('pending' as const)) : ('none' as const),
          optedIn: p.optedIn,
          source: p.source || null,
          verifiedAt: p.verifiedAt,
          createdAt: p.at,
        })),
      );
    }

    // Letters: a share of signers write to both of their senators, most confirmed.
    const letterRows: (typeof letters.$inferInsert)[] = [];
    if (letterCampaign) {
      for (const p of seededPeople) {
        if (!p.writes) continue;
        const status = weighted(rand, [
          ['sent', 6],
          ['self_send', 2],
          ['pending_confirmation', 1.5],
          ['failed', 0.3],
        ] as const);
        const batchId = crypto.randomUUID();
        for (const s of byState.get(p.state) ?? []) {
          const writtenAt = new Date(Math.min(now.getTime() - 30_000, p.at.getTime() + 120_000 + Math.floor(rand() * 600_000)));
          const letter = composeLetter({
            ...letterCampaign.draft,
            senator: { name: s.officialName, lastName: s.lastName, stateName: stateName(s.state) },
            supporter: { firstName: p.firstName, lastName: p.lastName, city: p.city, state: p.state, zip: p.zip },
            treaty: letterCampaign,
          });
          const confirmed = status === 'pending_confirmation' ? null : new Date(writtenAt.getTime() + 300_000);
          letterRows.push({
            campaignId: campaign.id,
            supporterId: ids.get(p.email)!,
            senatorId: s.id,
            batchId,
            firstName: p.firstName,
            lastName: p.lastName,
            zip: p.zip,
            city: p.city,
            state: p.state,
            subject: letter.subject,
            body: letter.body,
            status,
            channel: status === 'sent' || status === 'failed' ? 'coalition_inbox' : status === 'self_send' ? 'supporter' : null,
            deliveredTo: status === 'sent' ? `senate-letters@${DEMO_EMAIL_DOMAIN}` : null,
            failureReason: status === 'failed' ? 'Demo data: the inbox refused this letter.' : null,
            source: p.source || null,
            confirmedAt: confirmed,
            sentAt: status === 'sent' && confirmed ? new Date(confirmed.getTime() + 60_000) : null,
            createdAt: writtenAt,
            updatedAt: confirmed ?? writtenAt,
          });
        }
      }
      for (let i = 0; i < letterRows.length; i += 200) await tx.insert(letters).values(letterRows.slice(i, i + 200));
    }

    // Page views: about four visits per signature, per day and source, as the cookie-free counter keeps them.
    const views = new Map<string, { day: string; source: string; views: number }>();
    for (const p of seededPeople) {
      const day = p.at.toISOString().slice(0, 10);
      const key = `${day}|${p.source}`;
      const v = views.get(key) ?? { day, source: p.source, views: 0 };
      v.views += 3 + Math.floor(rand() * 3);
      views.set(key, v);
    }
    const viewRows = [...views.values()].map((v) => ({ campaignId: campaign.id, ...v }));
    if (viewRows.length) {
      await tx
        .insert(pageViews)
        .values(viewRows)
        .onConflictDoUpdate({
          target: [pageViews.campaignId, pageViews.day, pageViews.source],
          set: { views: sql`${pageViews.views} + excluded.views` },
        });
    }

    // Stances for about four in ten senators, each with an invented source and a note saying so.
    let stances = 0;
    for (const s of roster) {
      if (rand() >= 0.42) continue;
      const [existing] = await tx
        .select({ stance: senatorPositions.stance })
        .from(senatorPositions)
        .where(and(eq(senatorPositions.senatorId, s.id), eq(senatorPositions.treatyId, campaign.treatyId)));
      if (existing) continue;
      // The current stance and its one history row, as recordStance writes them (no audit: no staff did this).
      const stance = {
        senatorId: s.id,
        treatyId: campaign.treatyId,
        stance: weighted(rand, DEMO_STANCES),
        note: 'Demo data: an invented stance for trying the whip board, not this senator’s real position.',
        sourceUrl: `https://example.org/demo-stance/${s.id.toLowerCase()}`,
        statedOn: new Date(start + Math.floor(rand() * days) * 86_400_000).toISOString().slice(0, 10),
      };
      await tx.insert(senatorStanceEvents).values({ ...stance, recordedBy: 'demo data', recordedAt: new Date(`${stance.statedOn}T12:00:00Z`) });
      await tx.insert(senatorPositions).values({ ...stance, updatedBy: 'demo data', updatedAt: new Date(`${stance.statedOn}T12:00:00Z`) });
      stances++;
    }

    await tx.insert(appSettings).values({ key: MARKER, value: now.toISOString() });
    return { seeded: true, signatures: seededPeople.length, letters: letterRows.length, stances, pageViews: viewRows.length };
  });
}
