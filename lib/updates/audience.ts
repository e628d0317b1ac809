import { and, asc, count, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { signatures, supporters } from '@/db/schema';

// Who an update to a campaign goes to — the only place that decides it, so the switch to
// per-organisation consent (partner organisations) changes this file alone: today, people who signed
// this campaign, confirmed their address, ticked "send me updates", and have neither unsubscribed
// nor been forgotten. (Suppressed addresses are held back by the drainer, which also re-checks consent.)
function audienceWhere(campaignId: string) {
  return and(
    eq(signatures.campaignId, campaignId),
    eq(signatures.optedIn, true),
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
    .where(and(audienceWhere(campaignId), after ? gt(supporters.id, after) : undefined))
    .orderBy(asc(supporters.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, email: r.email! }));
}

export async function countAudience(db: DbOrTx, campaignId: string): Promise<number> {
  const [r] = await db.select({ n: count() }).from(signatures).innerJoin(supporters, eq(supporters.id, signatures.supporterId)).where(audienceWhere(campaignId));
  return Number(r.n);
}

/** Why a recipient gets the update, printed at its foot. */
export const audienceReason = (campaignTitle: string, coalitionName: string) =>
  `You are receiving this because you signed “${campaignTitle}” and asked ${coalitionName} for updates.`.slice(0, 300);
