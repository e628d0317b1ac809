import 'server-only';
import { and, desc, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { signatures, supporters } from '@/db/schema';
import type { SignerVisibility } from '@/lib/campaigns/get-public-campaign';

export type RecentSigner = { name: string; state: string | null; comment: string | null; signedAt: string };

/**
 * Recent signers as the campaign's visibility setting allows: nothing when hidden, else first name
 * (or full name) and state — each signature's own record, shown as the stricter of the campaign's
 * setting now and the one the signer agreed to when signing (a campaign made more open later never
 * publishes people who signed under a stricter setting). Only confirmed signatures of supporters
 * who have not been forgotten appear, so nobody can put words on the page with an address they do
 * not own; a comment shows only once staff approve it.
 */
export async function listRecentSigners(
  campaignId: string,
  visibility: SignerVisibility,
  limit = 8,
): Promise<RecentSigner[]> {
  if (visibility === 'hidden') return [];
  const rows = await getDb()
    .select({
      firstName: signatures.firstName,
      lastName: signatures.lastName,
      agreed: signatures.visibility,
      state: signatures.state,
      comment: signatures.comment,
      commentStatus: signatures.commentStatus,
      signedAt: signatures.createdAt,
    })
    .from(signatures)
    .innerJoin(supporters, eq(supporters.id, signatures.supporterId))
    .where(
      and(
        eq(signatures.campaignId, campaignId),
        isNotNull(signatures.verifiedAt),
        isNull(supporters.forgottenAt),
        ne(signatures.visibility, 'hidden'),
      ),
    )
    .orderBy(desc(signatures.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    name: visibility === 'full_name_state' && r.agreed === 'full_name_state' ? `${r.firstName} ${r.lastName}`.trim() : r.firstName,
    state: r.state,
    comment: r.commentStatus === 'approved' ? r.comment : null,
    signedAt: r.signedAt.toISOString(),
  }));
}
