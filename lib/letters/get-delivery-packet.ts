import 'server-only';
import { and, asc, count, eq, isNotNull, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, letters, senators, signatures, supporters, treaties } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { GetDeliveryPacketInput, type LetterStatusCounts } from './ledger-schemas';
import { letterStatusCountFields, toStatusCounts } from './status-counts';

// A packet is printed and handed over; past this many names it points to the CSV export instead.
export const PACKET_NAME_LIMIT = 5_000;

export type DeliveryPacket = {
  campaign: { id: string; title: string };
  treaty: { name: string; shortName: string };
  senator: { id: string; name: string; state: string; party: string };
  /** Verified signatures on this campaign from the senator's state (the names below). */
  verifiedSignersInState: number;
  signersInState: number;
  letters: LetterStatusCounts;
  /** In-state verified signers still on record: names and cities only, never emails. */
  signers: { name: string; city: string | null }[];
  truncated: boolean;
  generatedAt: Date;
};

export async function getDeliveryPacket({ actor, input }: { actor: StaffActor; input: GetDeliveryPacketInput }): Promise<DeliveryPacket> {
  // Names are personal data: the packet needs people:view, not just letters:view.
  assertCan(actor, 'people:view');
  const parsed = GetDeliveryPacketInput.safeParse(input);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'No such packet.');
  const { campaignId, senatorId } = parsed.data;
  const db = getDb();

  const [head] = await db
    .select({
      campaignId: campaigns.id,
      campaignTitle: campaigns.title,
      treatyName: treaties.name,
      treatyShortName: treaties.shortName,
    })
    .from(campaigns)
    .innerJoin(treaties, eq(treaties.id, campaigns.treatyId))
    .where(eq(campaigns.id, campaignId));
  const [senator] = await db
    .select({ id: senators.bioguideId, name: senators.officialName, state: senators.state, party: senators.party })
    .from(senators)
    .where(eq(senators.bioguideId, senatorId));
  if (!head || !senator) throw new AppError('NOT_FOUND', 'No such packet.');

  const inState = and(eq(signatures.campaignId, campaignId), eq(signatures.state, senator.state));
  const [[all], [verified], [letterCounts], names] = await Promise.all([
    db.select({ n: count() }).from(signatures).where(inState),
    db.select({ n: count() }).from(signatures).where(and(inState, isNotNull(signatures.verifiedAt))),
    db
      .select(letterStatusCountFields)
      .from(letters)
      .where(and(eq(letters.campaignId, campaignId), eq(letters.senatorId, senatorId))),
    db
      // Each signature's own record (what was typed when signing), never a profile someone else could change.
      .select({ firstName: signatures.firstName, lastName: signatures.lastName, city: signatures.city })
      .from(signatures)
      .innerJoin(supporters, eq(supporters.id, signatures.supporterId))
      .where(and(inState, isNotNull(signatures.verifiedAt), isNull(supporters.forgottenAt)))
      .orderBy(asc(signatures.lastName), asc(signatures.firstName), asc(signatures.id))
      .limit(PACKET_NAME_LIMIT + 1),
  ]);

  return {
    campaign: { id: head.campaignId, title: head.campaignTitle },
    treaty: { name: head.treatyName, shortName: head.treatyShortName },
    senator,
    signersInState: Number(all.n),
    verifiedSignersInState: Number(verified.n),
    letters: toStatusCounts(letterCounts),
    signers: names.slice(0, PACKET_NAME_LIMIT).map((r) => ({ name: `${r.firstName} ${r.lastName}`.trim(), city: r.city })),
    truncated: names.length > PACKET_NAME_LIMIT,
    generatedAt: new Date(),
  };
}
