import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { campaigns, organisations, senators, treaties, treatyStageEvents, users } from '../schema';
import { coalition, demoCampaign, opscTreaty } from './opsc';

export type SeedResult = {
  organisationId: string;
  treatyId: string;
  campaignId: string;
  created: string[];
  roster: 'present' | 'imported' | 'unavailable';
  rosterMessage?: string;
};

export type SeedOptions = {
  adminEmail: string;
  /** Imports the roster when none exists; returns a message when the source cannot be read. */
  importRoster?: () => Promise<void>;
};

// Serialises seeds: instances booting together on an empty database each see no rows, so without it
// every one would insert the coalition and the owner (and all but one would crash on a unique key).
const SEED_LOCK = 727_276;

/** Idempotent: creates what is missing and never overwrites what staff have since edited. */
export async function seedDatabase(db: Db, opts: SeedOptions): Promise<SeedResult> {
  const created: string[] = [];
  const result = await db.transaction(async (tx) => {
    // Held to the end of this transaction; the checks below then see what a seed before us committed.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    let [org] = await tx.select().from(organisations).where(eq(organisations.slug, coalition.slug));
    if (!org) {
      [org] = await tx.insert(organisations).values(coalition).returning();
      created.push('organisation');
    }

    let [treaty] = await tx.select().from(treaties).where(eq(treaties.slug, opscTreaty.slug));
    if (!treaty) {
      const { stageEvents, ...fields } = opscTreaty;
      [treaty] = await tx.insert(treaties).values(fields).returning();
      await tx.insert(treatyStageEvents).values(stageEvents.map((e) => ({ ...e, treatyId: treaty.id })));
      created.push('treaty');
    }

    let [campaign] = await tx.select().from(campaigns).where(eq(campaigns.slug, demoCampaign.slug));
    if (!campaign) {
      [campaign] = await tx
        .insert(campaigns)
        .values({
          ...demoCampaign,
          organisationId: org.id,
          treatyId: treaty.id,
          status: 'live',
          goalAutoStep: true,
          signerVisibility: 'hidden',
          commentModeration: true,
          deliveryMode: 'office',
          publishedAt: new Date(),
        })
        .returning();
      created.push('campaign');
    }

    const email = opts.adminEmail.trim().toLowerCase();
    const [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!owner) {
      await tx.insert(users).values({ email, name: 'Coalition owner', role: 'owner' });
      created.push('owner');
    }
    return { organisationId: org.id, treatyId: treaty.id, campaignId: campaign.id };
  });

  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(senators);
  let roster: SeedResult['roster'] = n > 0 ? 'present' : 'unavailable';
  let rosterMessage: string | undefined;
  if (n === 0 && opts.importRoster) {
    try {
      await opts.importRoster();
      roster = 'imported';
    } catch (e) {
      rosterMessage = (e as Error).message;
    }
  }
  return { ...result, created, roster, rosterMessage };
}
