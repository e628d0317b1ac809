import 'server-only';
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { signatures, supporters } from '@/db/schema';
import type { SignerVisibility } from '@/lib/campaigns/get-public-campaign';

export type RecentSigner = { name: string; state: string | null; comment: string | null; signedAt: string };

/**
 * Recent signers as the campaign's visibility setting allows: nothing when hidden, else first name
 * (or full name) and state. Only confirmed signatures of supporters who have not been forgotten
 * appear, so nobody can put words on the page with an address they do not own; a comment shows only
 * once staff approve it.
 */
export async function listRecentSigners(
  campaignId: string,
  visibility: SignerVisibility,
  limit = 8,
): Promise<RecentSigner[]> {
  if (visibility === 'hidden') return [];
  const rows = await getDb()
    .select({
      firstName: supporters.firstName,
      lastName: supporters.lastName,
      state: signatures.state,
      comment: signatures.comment,
      commentStatus: signatures.commentStatus,
      signedAt: signatures.createdAt,
    })
    .from(signatures)
    .innerJoin(supporters, eq(supporters.id, signatures.supporterId))
    .where(and(eq(signatures.campaignId, campaignId), isNotNull(signatures.verifiedAt), isNull(supporters.forgottenAt)))
    .orderBy(desc(signatures.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    name: visibility === 'full_name_state' ? `${r.firstName} ${r.lastName}`.trim() : r.firstName,
    state: r.state,
    comment: r.commentStatus === 'approved' ? r.comment : null,
    signedAt: r.signedAt.toISOString(),
  }));
}
