import { and, asc, count, eq, exists, gt, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { campaigns, consents, signatures, supporters } from '@/db/schema';

// Who an update to a campaign goes to — the only place that decides it: people who signed this
// campaign, confirmed their address, opted in to the organisation sending the update (the campaign's
// own organisation: a consent row not withdrawn, on any of its campaigns; a partner's box does not
// count), and have neither unsubscribed from everything nor been forgotten. (Suppressed addresses are
// held back by the drainer, which also re-checks the unsubscribe.)
function audienceWhere(db: DbOrTx, campaignId: string) {
  const sender = db.select({ id: campaigns.organisationId }).from(campaigns).where(eq(campaigns.id, campaignId));
  const optedInToSender = db
    .select({ one: consents.id })
    .from(consents)
    .where(and(eq(consents.supporterId, signatures.supporterId), eq(consents.organisationId, sender), isNull(consents.withdrawnAt)));
  return and(
    eq(signatures.campaignId, campaignId),
    exists(optedInToSender),
    isNotNull(signatures.verifiedAt),
    isNotNull(supporters.email),
    isNull(supporters.unsubscribedAt),
    isNull(supporters.forgottenAt),
  );
}

export type AudienceMember = { supporterId: string; email: string; firstName: string };

/** The next `limit` recipients after `after` (a supporter id), in id order: keyset pages for batching. */
export async function listAudiencePage(db: DbOrTx, campaignId: string, after: string | null, limit: number): Promise<AudienceMember[]> {
  const rows = await db
    .select({ supporterId: supporters.id, email: supporters.email, firstName: supporters.firstName })
    .from(signatures)
    .innerJoin(supporters, eq(supporters.id, signatures.supporterId))
    .where(and(audienceWhere(db, campaignId), after ? gt(supporters.id, after) : undefined))
    .orderBy(asc(supporters.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, email: r.email! }));
}

export async function countAudience(db: DbOrTx, campaignId: string): Promise<number> {
  const [r] = await db.select({ n: count() }).from(signatures).innerJoin(supporters, eq(supporters.id, signatures.supporterId)).where(audienceWhere(db, campaignId));
  return Number(r.n);
}

/** Why a recipient gets the update, printed at its foot. */
export const audienceReason = (campaignTitle: string, coalitionName: string) =>
  `You are receiving this because you signed “${campaignTitle}” and asked ${coalitionName} for updates.`.slice(0, 300);
