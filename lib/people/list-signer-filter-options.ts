import 'server-only';
import { asc, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, signatures } from '@/db/schema';
import { US_STATES } from '@/lib/geo/us-states';
import { assertCan, type StaffActor } from './staff-actor';

export type SignerFilterOptions = {
  campaigns: { id: string; title: string }[];
  states: { code: string; name: string }[];
  sources: string[];
};

/** Choices for the signer filter form: campaigns, states and the sources seen so far. */
export async function listSignerFilterOptions({ actor }: { actor: StaffActor }): Promise<SignerFilterOptions> {
  assertCan(actor, 'people:view');
  const db = getDb();
  const [campaignRows, sourceRows] = await Promise.all([
    db.select({ id: campaigns.id, title: campaigns.title }).from(campaigns).orderBy(asc(campaigns.title)),
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
