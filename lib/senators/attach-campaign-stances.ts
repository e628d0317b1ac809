import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { campaigns, senatorPositions, treaties } from '@/db/schema';
import type { Stance } from '@/db/schema/enum-values';
import { assignVariant } from '@/lib/letters/letter-variants';
import { publicStanceOf } from './public-stance';
import type { SenatorLookup } from './schemas';

/**
 * A lookup answer for one campaign's page: for each senator, which letter they get and why, and —
 * when the campaign publishes its Senate page (staff's opt-in covers the lookup too) — their public
 * stance with its source. A private stance picks the letter but is never named.
 */
export async function attachCampaignStances(lookup: SenatorLookup, campaignSlug: string | null | undefined, db: DbOrTx = getDb()): Promise<SenatorLookup> {
  if (lookup.kind !== 'state' || lookup.senators.length === 0 || !campaignSlug) return lookup;
  const [c] = await db
    .select({
      treatyId: campaigns.treatyId,
      publish: campaigns.senatePagePublic,
      publicStances: campaigns.publicStances,
      variants: campaigns.letterVariants,
      stage: treaties.stage,
    })
    .from(campaigns)
    .innerJoin(treaties, eq(treaties.id, campaigns.treatyId))
    .where(and(eq(campaigns.slug, campaignSlug), inArray(campaigns.status, ['live', 'closed'])));
  if (!c) return lookup;
  const rows = await db
    .select({ id: senatorPositions.senatorId, stance: senatorPositions.stance, sourceUrl: senatorPositions.sourceUrl, statedOn: senatorPositions.statedOn })
    .from(senatorPositions)
    .where(and(eq(senatorPositions.treatyId, c.treatyId), inArray(senatorPositions.senatorId, lookup.senators.map((s) => s.bioguideId))));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const published = c.publish ? (c.publicStances as Stance[]) : [];
  // While the treaty waits on the committee, a member's voice decides whether it reaches the floor.
  const committeeStage = c.stage === 'in_committee' || c.stage === 'returned_to_committee';
  return {
    ...lookup,
    senators: lookup.senators.map((s) => {
      const position = byId.get(s.bioguideId);
      const pub = publicStanceOf(position, published);
      return {
        ...s,
        ...(c.publish ? { publicStance: pub } : {}),
        letterVariant: assignVariant(position?.stance, pub.stance, c.variants, s.lastName),
        ...(committeeStage && s.ssfr.member
          ? {
              committeeNote: `Senator ${s.lastName} sits on the Foreign Relations Committee, which must vote to report the treaty before the full Senate can consider it. Right now, their vote matters twice.`,
            }
          : {}),
      };
    }),
  };
}
