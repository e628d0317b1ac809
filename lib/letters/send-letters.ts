import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type Db, type DbOrTx } from '@/db/client';
import { letters, senators, supporters } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/enqueue';
import { secretLink } from '@/lib/email/secret-links';
import { AppError, isAppError, validationError } from '@/lib/errors';
import { stateName } from '@/lib/geo/us-states';
import { findSenatorsByZip, type SenatorCard } from '@/lib/senators/find-senators-by-zip';
import { createActionToken } from '@/lib/security/tokens';
import { normaliseEmail, upsertSupporter } from '@/lib/supporters/upsert-supporter';
import { batchKey, deliverLetters } from './deliver-letters';
import { composeLetter, isLetterEdited } from './letter-draft';
import { loadLetterCampaign, type LetterCampaignRow } from './letter-campaign';
import { senatorDisplayName } from './list-letter-deliveries';
import { SendLettersInput, type SendLettersData } from './schemas';
import type { SendLettersResult } from './types';

export const CONFIRM_LETTERS_TTL_HOURS = 7 * 24;

const zipError = (message: string) => new AppError('VALIDATION', message, { zip: [message] });

/** The supporter's state and its current senators, or a field error on the ZIP. */
async function senatorsFor(db: DbOrTx, zip: string, state?: string): Promise<{ state: string; senators: SenatorCard[] }> {
  let lookup;
  try {
    lookup = await findSenatorsByZip({ zip, state }, db);
  } catch (e) {
    // "ZIP 12345 is not in Ohio" is about what they typed in the ZIP field: say it there.
    if (isAppError(e) && e.code === 'VALIDATION' && e.fieldErrors?.state) throw zipError(e.fieldErrors.state[0]);
    throw e;
  }
  if (lookup.kind === 'choose') {
    throw zipError(`ZIP code ${lookup.zip} is in more than one state. Look up your senators again and choose your state.`);
  }
  if (lookup.kind === 'no_senators') {
    throw zipError(`${lookup.stateName} has no senators, so there is no one to write to. You can still sign the petition.`);
  }
  if (lookup.senators.length === 0) {
    throw zipError(`We don't have the senators for ${lookup.stateName} on file yet. Please try again later.`);
  }
  return { state: lookup.state, senators: lookup.senators };
}

// Thrown inside the transaction to roll back the supporter upsert when nothing new was written.
class NothingNew extends Error {}

/**
 * Write to the supporter's senators for a campaign. One transaction: upsert the supporter, insert
 * one letter per current senator of their state (ON CONFLICT DO NOTHING), then either deliver at
 * once (email already verified) or hold the letters and mail a confirmation link. When every letter
 * already exists, nothing changes and the answer says so kindly — unless they are still waiting for
 * confirmation, in which case a fresh link is mailed.
 */
export async function sendLetters({ input }: { input: SendLettersInput }, db: Db = getDb()): Promise<SendLettersResult> {
  const parsed = SendLettersInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const data = parsed.data;

  try {
    return await db.transaction(async (tx) => {
      const campaign = await openCampaign(tx, data.campaignSlug);
      if (campaign.requirePersonalSentence && !data.personalSentence) {
        throw validationError([{ path: ['personalSentence'], message: 'Add a sentence in your own words: offices pay most attention to personal letters.' }]);
      }
      const { state, senators: cards } = await senatorsFor(tx, data.zip, data.state);
      const supporter = await upsertSupporter(tx, {
        email: data.email,
        firstName: data.firstName,
        lastName: data.lastName,
        zip: data.zip,
        state,
        city: data.city ?? null,
        street: data.street ?? null,
      });
      const edited = isLetterEdited(data.body, campaign.draft.body);
      const rows = cards.map((s) => {
        const letter = composeLetter({
          salutation: campaign.draft.salutation,
          subject: data.subject,
          body: data.body,
          personalSentence: data.personalSentence,
          senator: { name: s.name, lastName: s.lastName, stateName: stateName(s.state) },
          supporter: { firstName: data.firstName, lastName: data.lastName, city: data.city, street: data.street, state, zip: data.zip },
          treaty: campaign,
        });
        return {
          campaignId: campaign.id,
          supporterId: supporter.id,
          senatorId: s.bioguideId,
          subject: letter.subject,
          body: letter.body,
          edited,
          status: 'pending_confirmation' as const,
          source: data.source ?? null,
        };
      });
      const inserted = await tx
        .insert(letters)
        .values(rows)
        .onConflictDoNothing({ target: [letters.campaignId, letters.supporterId, letters.senatorId] })
        .returning({ id: letters.id, senatorId: letters.senatorId });
      if (inserted.length === 0) throw new NothingNew();

      const newIds = new Set(inserted.map((r) => r.senatorId));
      const names = (pick: (s: SenatorCard) => boolean) => cards.filter(pick).map((s) => senatorDisplayName(s.name));
      const alreadyWrittenNames = names((s) => !newIds.has(s.bioguideId));

      if (supporter.emailVerified) {
        const delivered = await deliverLetters(tx, {
          campaignId: campaign.id,
          supporterId: supporter.id,
          letterIds: inserted.map((r) => r.id),
        });
        return { kind: 'delivered', letters: delivered, alreadyWrittenNames };
      }
      const senatorNames = names((s) => newIds.has(s.bioguideId));
      await mailConfirmation(tx, campaign, supporter.id, data, senatorNames, batchKey(inserted.map((r) => r.id)));
      return { kind: 'confirm_email', email: normaliseEmail(data.email), senatorNames, resent: false, alreadyWrittenNames };
    });
  } catch (e) {
    if (!(e instanceof NothingNew)) throw e;
  }
  return answerRepeat(db, data);
}

async function openCampaign(tx: DbOrTx, slug: string): Promise<LetterCampaignRow> {
  const campaign = await loadLetterCampaign(tx, { slug });
  if (!campaign) throw new AppError('NOT_FOUND', 'We could not find an open campaign at this address.');
  if (!campaign.open) {
    throw new AppError('CONFLICT', 'This campaign has closed and no longer sends letters. Thank you for your support.');
  }
  return campaign;
}

async function mailConfirmation(
  tx: DbOrTx,
  campaign: LetterCampaignRow,
  supporterId: string,
  data: SendLettersData,
  senatorNames: string[],
  batch: string,
) {
  const token = await createActionToken(tx, {
    purpose: 'confirm_letters',
    supporterId,
    campaignId: campaign.id,
    ttlHours: CONFIRM_LETTERS_TTL_HOURS,
  });
  await enqueueEmail(tx, {
    template: 'letters-confirmation',
    to: normaliseEmail(data.email),
    props: {
      firstName: data.firstName.length <= 100 ? data.firstName : '',
      campaignTitle: campaign.title,
      confirmUrl: secretLink('/confirm/letters/{token}', token),
      senators: senatorNames.map((name) => ({ name })),
      coalitionName: campaign.organisationName,
    },
    idempotencyKey: `letters-confirm:${campaign.id}:${supporterId}:${batch}`,
  });
}

/**
 * Every letter already existed. Written and confirmed → a kind refusal, nothing changes. Still
 * waiting for confirmation → a fresh link (the first mail may be lost), or delivery right away if
 * the email has been verified since (e.g. by confirming a petition signature).
 */
async function answerRepeat(db: Db, data: SendLettersData): Promise<SendLettersResult> {
  return db.transaction(async (tx) => {
    const campaign = await openCampaign(tx, data.campaignSlug);
    const [supporter] = await tx
      .select({ id: supporters.id, verified: supporters.emailVerifiedAt })
      .from(supporters)
      .where(eq(supporters.email, normaliseEmail(data.email)));
    const { senators: cards } = await senatorsFor(tx, data.zip, data.state);
    const existing = supporter
      ? await tx
          .select({ id: letters.id, status: letters.status, name: senators.officialName })
          .from(letters)
          .innerJoin(senators, eq(senators.bioguideId, letters.senatorId))
          .where(
            and(
              eq(letters.campaignId, campaign.id),
              eq(letters.supporterId, supporter.id),
              inArray(letters.senatorId, cards.map((s) => s.bioguideId)),
            ),
          )
      : [];
    const allNames = cards.map((s) => senatorDisplayName(s.name));
    const pending = existing.filter((l) => l.status === 'pending_confirmation');
    if (!supporter || pending.length === 0) return { kind: 'already_written', senatorNames: allNames };

    if (supporter.verified) {
      const delivered = await deliverLetters(tx, { campaignId: campaign.id, supporterId: supporter.id, letterIds: pending.map((l) => l.id) });
      return { kind: 'delivered', letters: delivered, alreadyWrittenNames: [] };
    }
    const senatorNames = pending.map((l) => senatorDisplayName(l.name));
    // A new key per resend (a new token each time); the per-email rate limit bounds how many.
    const batch = `${batchKey(pending.map((l) => l.id))}:${Date.now().toString(36)}`;
    await mailConfirmation(tx, campaign, supporter.id, data, senatorNames, batch);
    return { kind: 'confirm_email', email: normaliseEmail(data.email), senatorNames, resent: true, alreadyWrittenNames: [] };
  });
}
