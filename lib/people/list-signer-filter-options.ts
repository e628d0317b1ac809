import 'server-only';
import { asc, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, signatures } from '@/db/schema';
import { US_STATES } from '@/lib/geo/us-states';
import { assertCan, type StaffActor } from '@/lib/auth/actor';

export type SignerFilterOptions = {
  campaigns: { id: string; title: string; slug: string }[];
  states: { code: string; name: string }[];
  sources: string[];
};

/**
 * Choices for the signer filters of the people table and of the export form (`for`: which page asks,
 * and so which permission it needs): campaigns, states and the sources seen so far.
 */
export async function listSignerFilterOptions({ actor, for: page = 'people' }: { actor: StaffActor; for?: 'people' | 'exports' }): Promise<SignerFilterOptions> {
  assertCan(actor, page === 'exports' ? 'exports:run' : 'people:view');
  const db = getDb();
  const [campaignRows, sourceRows] = await Promise.all([
    db.select({ id: campaigns.id, title: campaigns.title, slug: campaigns.slug }).from(campaigns).orderBy(asc(campaigns.title)),
    db
      .selectDistinct({ source: signatures.source })
      .from(signatures)
      .where(isNotNull(signatures.source))
      .orderBy(asc(signatures.source))
      .limit(200),
  ]);
  return {
    campaigns: campaignRows,
    states: US_STATES.map((s) => ({ code: s.code, name: s.name })),
    sources: sourceRows.map((r) => r.source).filter((s): s is string => !!s),
  };
}
