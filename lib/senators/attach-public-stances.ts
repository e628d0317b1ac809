import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { campaigns, senatorPositions } from '@/db/schema';
import type { Stance } from '@/db/schema/enum-values';
import { publicStanceOf } from './public-stance';
import type { SenatorLookup } from './schemas';

/**
 * A lookup answer with each senator's public stance on the campaign's treaty, when the campaign
 * publishes its Senate page (staff's opt-in covers the lookup too). Otherwise the answer unchanged.
 */
export async function attachPublicStances(lookup: SenatorLookup, campaignSlug: string | null | undefined, db: DbOrTx = getDb()): Promise<SenatorLookup> {
  if (lookup.kind !== 'state' || lookup.senators.length === 0 || !campaignSlug) return lookup;
  const [c] = await db
    .select({ treatyId: campaigns.treatyId, publicStances: campaigns.publicStances })
    .from(campaigns)
    .where(and(eq(campaigns.slug, campaignSlug), eq(campaigns.senatePagePublic, true), inArray(campaigns.status, ['live', 'closed'])));
  if (!c) return lookup;
  const rows = await db
    .select({ id: senatorPositions.senatorId, stance: senatorPositions.stance, sourceUrl: senatorPositions.sourceUrl, statedOn: senatorPositions.statedOn })
    .from(senatorPositions)
    .where(and(eq(senatorPositions.treatyId, c.treatyId), inArray(senatorPositions.senatorId, lookup.senators.map((s) => s.bioguideId))));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    ...lookup,
    senators: lookup.senators.map((s) => ({ ...s, publicStance: publicStanceOf(byId.get(s.bioguideId), c.publicStances as Stance[]) })),
  };
}
