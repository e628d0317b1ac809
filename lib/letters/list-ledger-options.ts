import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, senators } from '@/db/schema';
import { assertCan, type StaffActor } from '@/lib/auth/actor';

export type LedgerOptions = {
  campaigns: { id: string; title: string; status: string }[];
  senators: { id: string; name: string; state: string }[];
};

/** Choices for the ledger and tally filters. */
export async function listLedgerOptions({ actor }: { actor: StaffActor }): Promise<LedgerOptions> {
  assertCan(actor, 'letters:view');
  const db = getDb();
  const [campaignRows, senatorRows] = await Promise.all([
    db.select({ id: campaigns.id, title: campaigns.title, status: campaigns.status }).from(campaigns).orderBy(asc(campaigns.title)),
    db
      .select({ id: senators.bioguideId, name: senators.officialName, state: senators.state })
      .from(senators)
      .where(eq(senators.isCurrent, true))
      .orderBy(asc(senators.state), asc(senators.lastName)),
  ]);
  return { campaigns: campaignRows, senators: senatorRows };
}
