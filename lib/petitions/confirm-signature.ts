import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, signatures, supporters } from '@/db/schema';
import { consumeActionToken } from '@/lib/security/tokens';

export type ConfirmSignatureResult = { campaign: { slug: string; title: string } | null };

/**
 * Redeem a signature's confirmation link (single use): the signature is verified and so is the
 * supporter's email. Ticking "keep me updated" and then proving the address is fresh consent, so it
 * also lifts an earlier unsubscribe. Throws the token's NOT_FOUND / VALIDATION errors.
 */
export async function confirmSignature({ input }: { input: { token: string } }): Promise<ConfirmSignatureResult> {
  return getDb().transaction(async (tx) => {
    const owner = await consumeActionToken(tx, input.token, 'confirm_signature');
    if (!owner.campaignId) return { campaign: null };
    const [sig] = await tx
      .update(signatures)
      .set({ verifiedAt: sql`coalesce(${signatures.verifiedAt}, now())` })
      .where(and(eq(signatures.campaignId, owner.campaignId), eq(signatures.supporterId, owner.supporterId)))
      .returning({ optedIn: signatures.optedIn });
    await tx
      .update(supporters)
      .set({
        emailVerifiedAt: sql`coalesce(${supporters.emailVerifiedAt}, now())`,
        ...(sig?.optedIn ? { unsubscribedAt: null } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(supporters.id, owner.supporterId));
    const [campaign] = await tx
      .select({ slug: campaigns.slug, title: campaigns.title })
      .from(campaigns)
      .where(eq(campaigns.id, owner.campaignId));
    return { campaign: campaign ?? null };
  });
}
