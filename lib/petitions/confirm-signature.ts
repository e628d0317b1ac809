import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { campaigns, signatures, supporters } from '@/db/schema';
import { applyConfirmedRecord } from '@/lib/supporters/find-or-create-supporter';
import { consumeActionToken, findUsedActionToken, peekActionToken } from '@/lib/security/tokens';

export type ConfirmSignatureResult = { campaign: { slug: string; title: string } | null };
export type ConfirmedSignature = ConfirmSignatureResult & { email: string | null };

/**
 * Redeem a signature's confirmation link (single use): the signature is verified and so is the
 * supporter's email, and their profile takes the record they typed when signing (they confirmed it
 * by this click). Ticking "keep me updated" and then proving the address is fresh consent, so it
 * also lifts an earlier unsubscribe. Throws the token's NOT_FOUND / TOKEN_USED / TOKEN_EXPIRED errors.
 */
export async function confirmSignature({ input }: { input: { token: string } }): Promise<ConfirmedSignature> {
  return getDb().transaction(async (tx) => {
    const owner = await consumeActionToken(tx, input.token, 'confirm_signature');
    if (!owner.campaignId) return { campaign: null, email: null };
    const [sig] = await tx
      .update(signatures)
      .set({ verifiedAt: sql`coalesce(${signatures.verifiedAt}, now())` })
      .where(and(eq(signatures.campaignId, owner.campaignId), eq(signatures.supporterId, owner.supporterId)))
      .returning({
        optedIn: signatures.optedIn,
        firstName: signatures.firstName,
        lastName: signatures.lastName,
        zip: signatures.zip,
        state: signatures.state,
        city: signatures.city,
      });
    const [person] = await tx
      .update(supporters)
      .set({
        emailVerifiedAt: sql`coalesce(${supporters.emailVerifiedAt}, now())`,
        ...(sig?.optedIn ? { unsubscribedAt: null } : {}),
        updatedAt: sql`now()`,
      })
      .where(and(eq(supporters.id, owner.supporterId), isNull(supporters.forgottenAt)))
      .returning({ email: supporters.email });
    if (sig) await applyConfirmedRecord(tx, owner.supporterId, sig);
    return { campaign: await campaignOf(tx, owner.campaignId), email: person?.email ?? null };
  });
}

async function campaignOf(db: DbOrTx, campaignId: string | null): Promise<ConfirmSignatureResult['campaign']> {
  if (!campaignId) return null;
  const [campaign] = await db.select({ slug: campaigns.slug, title: campaigns.title }).from(campaigns).where(eq(campaigns.id, campaignId));
  return campaign ?? null;
}

/**
 * What the link would confirm, without using it: the page asks for a click, because mail scanners
 * open every link in an email, and a confirmed address also lets its owner's letters skip
 * confirmation. Throws the token's NOT_FOUND / VALIDATION errors.
 */
export async function previewSignatureConfirmation({ input }: { input: { token: string } }): Promise<ConfirmSignatureResult> {
  const db = getDb();
  const owner = await peekActionToken(db, input.token, 'confirm_signature');
  return { campaign: await campaignOf(db, owner.campaignId) };
}

/** After the click: the campaign of a link that has been used, or null (unknown or not yet used). */
export async function findUsedSignatureConfirmation({ input }: { input: { token: string } }): Promise<ConfirmSignatureResult | null> {
  const db = getDb();
  const owner = await findUsedActionToken(db, input.token, 'confirm_signature');
  return owner ? { campaign: await campaignOf(db, owner.campaignId) } : null;
}
