import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb, type Db, type DbOrTx } from '@/db/client';
import { actionTokens, campaigns, letters, senators, supporters } from '@/db/schema';
import { AppError, validationError } from '@/lib/errors';
import { consumeActionToken, hashToken, peekActionToken, type TokenOwner } from '@/lib/security/tokens';
import { applyConfirmedRecord } from '@/lib/supporters/find-or-create-supporter';
import { deliverLetters } from './deliver-letters';
import { listLetterDeliveries, senatorDisplayName, seniorFirst } from './list-letter-deliveries';
import { ConfirmLettersInput } from './schemas';
import type { LetterDelivery } from './types';

export type ConfirmLettersResult = {
  campaign: { slug: string; title: string };
  letters: LetterDelivery[];
  /** The confirmed address: the action remembers this browser as its writer (writer cookie). */
  email: string;
};

/** Each letter the link would send, in full, and to whom: the page shows it before the click. */
export type LettersConfirmationPreview = {
  campaign: { slug: string; title: string };
  letters: { senatorName: string; subject: string; body: string }[];
};

const noCampaign = () => new AppError('NOT_FOUND', 'This link is not valid or has already been used. Links in our emails work once.');

function parseToken(input: ConfirmLettersInput): string {
  const parsed = ConfirmLettersInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  return parsed.data.token;
}

async function campaignOf(db: DbOrTx, owner: TokenOwner) {
  if (!owner.campaignId) throw noCampaign();
  const [campaign] = await db.select({ slug: campaigns.slug, title: campaigns.title }).from(campaigns).where(eq(campaigns.id, owner.campaignId));
  if (!campaign) throw noCampaign();
  return campaign;
}

/** The letters of the link's own batch still waiting for confirmation (none after a newer submission replaced them). */
function waitingInBatch(db: DbOrTx, owner: TokenOwner) {
  return db
    .select({
      id: letters.id,
      senatorName: senators.officialName,
      subject: letters.subject,
      body: letters.body,
      firstName: letters.firstName,
      lastName: letters.lastName,
      zip: letters.zip,
      state: letters.state,
      city: letters.city,
      street: letters.street,
    })
    .from(letters)
    .innerJoin(senators, eq(senators.bioguideId, letters.senatorId))
    .where(
      and(
        eq(letters.campaignId, owner.campaignId!),
        eq(letters.supporterId, owner.supporterId),
        // A link without a batch (issued before batches existed) confirms nothing.
        owner.batchId ? eq(letters.batchId, owner.batchId) : sql`false`,
        eq(letters.status, 'pending_confirmation'),
      ),
    )
    .orderBy(seniorFirst, asc(senators.lastName));
}

/**
 * Redeem a letters confirmation link (single use), in one transaction: exactly the letters of the
 * link's own submission are delivered (deliverLetters) — never letters someone else submitted with
 * the same address — the address is verified, and the profile takes the record typed for these
 * letters (the owner confirmed it by this click). The answer lists the letters with their status.
 * Throws the token's NOT_FOUND / TOKEN_USED / TOKEN_EXPIRED errors.
 */
export async function confirmLetters({ input }: { input: ConfirmLettersInput }, db: Db = getDb()): Promise<ConfirmLettersResult> {
  const token = parseToken(input);
  return db.transaction(async (tx) => {
    const owner = await consumeActionToken(tx, token, 'confirm_letters');
    const campaign = await campaignOf(tx, owner);
    const [person] = await tx
      .update(supporters)
      .set({ emailVerifiedAt: sql`coalesce(${supporters.emailVerifiedAt}, now())`, updatedAt: sql`now()` })
      .where(and(eq(supporters.id, owner.supporterId), sql`${supporters.forgottenAt} is null`))
      .returning({ email: supporters.email });
    if (!person?.email) throw noCampaign();
    const batch = await waitingInBatch(tx, owner);
    if (batch.length) {
      await applyConfirmedRecord(tx, owner.supporterId, batch[0]);
      await deliverLetters(tx, { campaignId: owner.campaignId!, supporterId: owner.supporterId, letterIds: batch.map((l) => l.id) });
    }
    const all = await listLetterDeliveries(tx, { campaignId: owner.campaignId!, supporterId: owner.supporterId });
    const batchIds = new Set(batch.map((l) => l.id));
    return { campaign, letters: all.filter((l) => batchIds.has(l.letterId)), email: person.email };
  });
}

/**
 * What a confirmation link would send, without using it: the page shows each letter in full and to
 * whom, and asks for a click — mail scanners open every link, and these letters go to Senate
 * offices in the supporter's name.
 */
export async function getLettersConfirmation({ input }: { input: ConfirmLettersInput }, db: Db = getDb()): Promise<LettersConfirmationPreview> {
  const token = parseToken(input);
  const owner = await peekActionToken(db, token, 'confirm_letters');
  const campaign = await campaignOf(db, owner);
  const batch = await waitingInBatch(db, owner);
  return { campaign, letters: batch.map((l) => ({ senatorName: senatorDisplayName(l.senatorName), subject: l.subject, body: l.body })) };
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
