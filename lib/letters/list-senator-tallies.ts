import 'server-only';
import { and, asc, eq, isNotNull, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, letters, senators, signatures } from '@/db/schema';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { CampaignScopeInput, type LetterStatusCounts } from './ledger-schemas';
import { letterStatusCountFields, toStatusCounts } from './status-counts';

export type SenatorTally = {
  senatorId: string;
  name: string;
  state: string;
  party: string;
  isCurrent: boolean;
  letters: LetterStatusCounts;
  /** Signatures on this campaign from the senator's state (signing-time state). */
  signersInState: number;
  verifiedSignersInState: number;
};

export type SenatorTallies = { campaign: { id: string; title: string }; rows: SenatorTally[] };

/** Per senator, for one campaign: letters by status and signers from the senator's state. Counts only. */
export async function listSenatorTallies({ actor, input }: { actor: StaffActor; input: CampaignScopeInput }): Promise<SenatorTallies> {
  assertCan(actor, 'letters:view');
  const parsed = CampaignScopeInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { campaignId } = parsed.data;
  const db = getDb();

  const [campaign] = await db.select({ id: campaigns.id, title: campaigns.title }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw new AppError('NOT_FOUND', 'No such campaign.');

  const [senatorRows, stateRows] = await Promise.all([
    db
      .select({
        senatorId: senators.bioguideId,
        name: senators.officialName,
        state: senators.state,
        party: senators.party,
        isCurrent: senators.isCurrent,
        ...letterStatusCountFields,
      })
      .from(senators)
      .leftJoin(letters, and(eq(letters.senatorId, senators.bioguideId), eq(letters.campaignId, campaignId)))
      .groupBy(senators.bioguideId)
      // Former senators stay listed only when this campaign wrote to them.
      .having(or(eq(senators.isCurrent, true), sql`count(${letters.id}) > 0`))
      .orderBy(asc(senators.state), asc(senators.lastName)),
    db
      .select({
        state: signatures.state,
        total: sql<number>`count(*)::int`,
        verified: sql<number>`count(${signatures.verifiedAt})::int`,
      })
      .from(signatures)
      .where(and(eq(signatures.campaignId, campaignId), isNotNull(signatures.state)))
      .groupBy(signatures.state),
  ]);

  const byState = new Map(stateRows.map((r) => [r.state, r]));
  return {
    campaign,
    rows: senatorRows.map(({ senatorId, name, state, party, isCurrent, ...counts }) => ({
      senatorId,
      name,
      state,
      party,
      isCurrent,
      letters: toStatusCounts(counts),
      signersInState: Number(byState.get(state)?.total ?? 0),
      verifiedSignersInState: Number(byState.get(state)?.verified ?? 0),
    })),
  };
}
