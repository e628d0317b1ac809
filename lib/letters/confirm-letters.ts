import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { actionTokens, campaigns, letters, senators, supporters } from '@/db/schema';
import { AppError, validationError } from '@/lib/errors';
import { consumeActionToken, hashToken, peekActionToken } from '@/lib/security/tokens';
import { deliverLetters } from './deliver-letters';
import { listLetterDeliveries, senatorDisplayName } from './list-letter-deliveries';
import { ConfirmLettersInput } from './schemas';
import type { LetterDelivery } from './types';

export type ConfirmLettersResult = { campaign: { slug: string; title: string }; letters: LetterDelivery[] };
export type LettersConfirmationPreview = { campaign: { slug: string; title: string }; senatorNames: string[] };

const noCampaign = () => new AppError('NOT_FOUND', 'This link is not valid or has already been used. Links in our emails work once.');

function parseToken(input: ConfirmLettersInput): string {
  const parsed = ConfirmLettersInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  return parsed.data.token;
}

/**
 * Redeem a letters confirmation link (single use), in one transaction: the supporter's email is
 * verified, their waiting letters for the campaign are delivered (deliverLetters), and the answer
 * lists every letter with its status as stored. Throws the token's NOT_FOUND / VALIDATION errors.
 */
export async function confirmLetters({ input }: { input: ConfirmLettersInput }, db: Db = getDb()): Promise<ConfirmLettersResult> {
  const token = parseToken(input);
  return db.transaction(async (tx) => {
    const owner = await consumeActionToken(tx, token, 'confirm_letters');
    if (!owner.campaignId) throw noCampaign();
    const [campaign] = await tx
      .select({ slug: campaigns.slug, title: campaigns.title })
      .from(campaigns)
      .where(eq(campaigns.id, owner.campaignId));
    if (!campaign) throw noCampaign();
    await tx
      .update(supporters)
      .set({ emailVerifiedAt: sql`coalesce(${supporters.emailVerifiedAt}, now())`, updatedAt: sql`now()` })
      .where(eq(supporters.id, owner.supporterId));
    const owned = { campaignId: owner.campaignId, supporterId: owner.supporterId };
    await deliverLetters(tx, owned);
    return { campaign, letters: await listLetterDeliveries(tx, owned) };
  });
}

/**
 * What a confirmation link is for, without using it: the page asks before sending, so a mail
 * scanner that follows links never sends letters in someone's name.
 */
export async function getLettersConfirmation(
  { input }: { input: ConfirmLettersInput },
  db: Db = getDb(),
): Promise<LettersConfirmationPreview> {
  const token = parseToken(input);
  const owner = await peekActionToken(db, token, 'confirm_letters');
  if (!owner.campaignId) throw noCampaign();
  const [campaign] = await db
    .select({ slug: campaigns.slug, title: campaigns.title })
    .from(campaigns)
    .where(eq(campaigns.id, owner.campaignId));
  if (!campaign) throw noCampaign();
  const waiting = await db
    .select({ name: senators.officialName })
    .from(letters)
    .innerJoin(senators, eq(senators.bioguideId, letters.senatorId))
    .where(
      and(
        eq(letters.campaignId, owner.campaignId),
        eq(letters.supporterId, owner.supporterId),
        eq(letters.status, 'pending_confirmation'),
      ),
    );
  return { campaign, senatorNames: waiting.map((w) => senatorDisplayName(w.name)) };
}

/**
 * The campaign a letters link belongs to, used or expired alike: the "link expired" page points the
 * supporter back to the form, where writing again mails a fresh link.
 */
export async function findConfirmationCampaign(token: string, db: Db = getDb()): Promise<{ slug: string; title: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await db
    .select({ slug: campaigns.slug, title: campaigns.title })
    .from(actionTokens)
    .innerJoin(campaigns, eq(campaigns.id, actionTokens.campaignId))
    .where(and(eq(actionTokens.tokenHash, hashToken(token)), eq(actionTokens.purpose, 'confirm_letters')));
  return row ?? null;
}
