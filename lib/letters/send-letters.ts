import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb, type Db, type DbOrTx } from '@/db/client';
import { letters } from '@/db/schema';
import type { ConsentMethod } from '@/db/schema/enum-values';
import { findRefPartnerId, recordConsents } from '@/lib/consents/record-consents';
import { enqueueEmail } from '@/lib/email/enqueue';
import { cwcEnabled, env } from '@/lib/env';
import { secretLink } from '@/lib/email/secret-links';
import { AppError, isAppError, validationError } from '@/lib/errors';
import { stateName } from '@/lib/geo/us-states';
import { findSenatorsByZip, type SenatorCard } from '@/lib/senators/find-senators-by-zip';
import { createActionToken } from '@/lib/security/tokens';
import type { TrustedWriter } from '@/lib/security/writer-cookie';
import { findOrCreateSupporter, normaliseEmail, type FoundSupporter } from '@/lib/supporters/find-or-create-supporter';
import { deliverLetters, UNSUBSCRIBE_TOKEN_TTL_HOURS } from './deliver-letters';
import { composeLetter, isLetterEdited } from './letter-draft';
import { variantGroupFor } from './letter-variants';
import { stancesOf } from './senator-stances';
import { loadLetterCampaign, type LetterCampaignRow } from './letter-campaign';
import { senatorDisplayName } from './list-letter-deliveries';
import { sendLettersInputFor, type SendLettersInput } from './schemas';
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

/**
 * Is this browser a confirmed writer for this address? Only when it holds a valid "confirmed
 * writer" cookie (lib/security/writer-cookie.ts) for the same address, issued after the address's
 * last unsubscribe, and the address has been verified by a click and not forgotten.
 */
function isTrusted(writer: TrustedWriter | null | undefined, email: string, supporter: FoundSupporter): boolean {
  if (!writer || writer.email !== email || !supporter.emailVerified || supporter.forgotten) return false;
  return !supporter.writerTrustRevokedAt || writer.issuedAt > supporter.writerTrustRevokedAt;
}

/**
 * Write to the supporter's senators for a campaign, in one transaction. Nothing goes to a Senate
 * office in a person's name unless that person confirmed it:
 *  - The submission becomes a batch: one letter per current senator of their state, each with the
 *    writer's record as typed. A letter still waiting for confirmation is replaced by the newer
 *    submission (it is nobody's voice yet); a confirmed one is never touched (one per senator).
 *  - A browser holding the "confirmed writer" cookie for this address sends at once; any other
 *    submission is held and its writer is mailed a link that confirms exactly this batch.
 *  - The answer to an unconfirmed browser is always "check your email", whatever the address's
 *    history, so a stranger learns nothing about an address (verified, already written or not).
 * The supporter's stored profile is never changed here (findOrCreateSupporter).
 */
export async function sendLetters(args: SendLettersArgs, db: Db = getDb()): Promise<SendLettersResult> {
  return (await submitLetters(args, db)).result;
}

type SendLettersArgs = { input: SendLettersInput; writer?: TrustedWriter | null; requireStreet?: boolean; method?: ConsentMethod };

/** What a submission wrote: the new batch and its letters (none when every letter was already confirmed). */
export type SubmittedLetters = { result: SendLettersResult; batchId: string; campaignId: string; supporterId: string; letterIds: string[] };

/**
 * sendLetters with what it wrote, for the OSDI helper (lib/osdi/record-outreach.ts). The form's
 * action gets only `result`: the ids would tell a browser whether the address had written before.
 */
export async function submitLetters(
  { input, writer, requireStreet = cwcEnabled(), method = 'form' }: SendLettersArgs,
  db: Db = getDb(),
): Promise<SubmittedLetters> {
  // While the Senate's CWC channel is on, a letter needs a full postal address and a title.
  const parsed = sendLettersInputFor({ requireStreet }).safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const data = parsed.data;
  const email = normaliseEmail(data.email);

  return db.transaction(async (tx) => {
    const campaign = await openCampaign(tx, data.campaignSlug);
    if (campaign.requirePersonalSentence && !data.personalSentence) {
      throw validationError([{ path: ['personalSentence'], message: 'Add a sentence in your own words: offices pay most attention to personal letters.' }]);
    }
    const { state, senators: cards } = await senatorsFor(tx, data.zip, data.state);
    const record = {
      firstName: data.firstName,
      lastName: data.lastName,
      zip: data.zip,
      state,
      city: data.city ?? null,
      street: data.street ?? null,
    };
    const supporter = await findOrCreateSupporter(tx, { email, ...record, namePrefix: data.prefix ?? null });
    const trusted = isTrusted(writer, email, supporter);
    const batchId = randomUUID();
    const refOrganisationId = await findRefPartnerId(tx, data.ref);
    const edited = isLetterEdited(data.body, campaign.draft.body);
    const stances = await stancesOf(tx, campaign.treatyId, cards.map((s) => s.bioguideId));
    const rows = cards.map((s) => {
      // A senator whose stance group has its own letter gets it (with the writer's own sentence);
      // the others get the standard letter as the writer edited it.
      const variant = campaign.variantDrafts[variantGroupFor(stances.get(s.bioguideId))];
      const letter = composeLetter({
        salutation: variant ? variant.salutation : campaign.draft.salutation,
        subject: variant ? variant.subject : data.subject,
        body: variant ? variant.body : data.body,
        personalSentence: data.personalSentence,
        senator: { name: s.name, lastName: s.lastName, stateName: stateName(s.state) },
        supporter: { firstName: data.firstName, lastName: data.lastName, city: data.city, street: data.street, state, zip: data.zip },
        treaty: campaign,
      });
      return {
        campaignId: campaign.id,
        supporterId: supporter.id,
        senatorId: s.bioguideId,
        batchId,
        ...record,
        subject: letter.subject,
        body: letter.body,
        edited: variant ? false : edited,
        status: 'pending_confirmation' as const,
        source: data.source ?? null,
        refOrganisationId,
      };
    });
    // New letters are inserted; ones still waiting for confirmation take this submission's text
    // and batch (so an older link no longer sends them); confirmed ones are left alone.
    const written = await tx
      .insert(letters)
      .values(rows)
      .onConflictDoUpdate({
        target: [letters.campaignId, letters.supporterId, letters.senatorId],
        set: {
          batchId: sql`excluded.batch_id`,
          firstName: sql`excluded.first_name`,
          lastName: sql`excluded.last_name`,
          zip: sql`excluded.zip`,
          state: sql`excluded.state`,
          city: sql`excluded.city`,
          street: sql`excluded.street`,
          subject: sql`excluded.subject`,
          body: sql`excluded.body`,
          edited: sql`excluded.edited`,
          source: sql`excluded.source`,
          refOrganisationId: sql`excluded.ref_organisation_id`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`${letters.status} = 'pending_confirmation'`,
      })
      .returning({ id: letters.id, senatorId: letters.senatorId });

    // The boxes ticked on a submission that wrote letters; the first consent per organisation and campaign stands.
    if (written.length > 0) {
      await recordConsents(tx, {
        supporterId: supporter.id,
        campaignId: campaign.id,
        optIn: data.optIn,
        optInPartners: data.optInPartners,
        refOrganisationId,
        method,
        source: data.source ?? null,
        letterBatchId: batchId,
      });
    }
    const writtenIds = new Set(written.map((r) => r.senatorId));
    const names = (pick: (s: SenatorCard) => boolean) => cards.filter(pick).map((s) => senatorDisplayName(s.name));
    const allNames = names(() => true);
    const submitted = (result: SendLettersResult): SubmittedLetters => ({
      result,
      batchId,
      campaignId: campaign.id,
      supporterId: supporter.id,
      letterIds: written.map((r) => r.id),
    });

    if (trusted) {
      const alreadyWrittenNames = names((s) => !writtenIds.has(s.bioguideId));
      if (written.length === 0) return submitted({ kind: 'already_written', senatorNames: allNames });
      const delivered = await deliverLetters(tx, { campaignId: campaign.id, supporterId: supporter.id, letterIds: written.map((r) => r.id) });
      return submitted({ kind: 'delivered', letters: delivered, alreadyWrittenNames });
    }

    if (written.length === 0) await mailAlreadyWritten(tx, campaign, supporter.id, email, data.firstName, allNames);
    else await mailConfirmation(tx, campaign, { supporterId: supporter.id, email, firstName: data.firstName, batchId }, names((s) => writtenIds.has(s.bioguideId)));
    return submitted({ kind: 'confirm_email', email, senatorNames: allNames });
  });
}

async function openCampaign(tx: DbOrTx, slug: string): Promise<LetterCampaignRow> {
  const campaign = await loadLetterCampaign(tx, { slug });
  if (!campaign) throw new AppError('NOT_FOUND', 'We could not find an open campaign at this address.');
  if (!campaign.open) {
    throw new AppError('CONFLICT', 'This campaign has closed and no longer sends letters. Thank you for your support.');
  }
  return campaign;
}

// Every mail to a supporter carries a working unsubscribe link (and the RFC 8058 headers).
const unsubscribeToken = (tx: DbOrTx, supporterId: string) =>
  createActionToken(tx, { purpose: 'unsubscribe', supporterId, campaignId: null, ttlHours: UNSUBSCRIBE_TOKEN_TTL_HOURS });

const greetingName = (firstName: string) => (firstName.length <= 100 ? firstName : '');

async function mailConfirmation(
  tx: DbOrTx,
  campaign: LetterCampaignRow,
  who: { supporterId: string; email: string; firstName: string; batchId: string },
  senatorNames: string[],
) {
  const token = await createActionToken(tx, {
    purpose: 'confirm_letters',
    supporterId: who.supporterId,
    campaignId: campaign.id,
    batchId: who.batchId,
    ttlHours: CONFIRM_LETTERS_TTL_HOURS,
  });
  await enqueueEmail(tx, {
    template: 'letters-confirmation',
    to: who.email,
    props: {
      firstName: greetingName(who.firstName),
      campaignTitle: campaign.title,
      confirmUrl: secretLink('/confirm/letters/{token}', token),
      senators: senatorNames.map((name) => ({ name })),
      coalitionName: campaign.organisationName,
      unsubscribeUrl: secretLink('/unsubscribe/{token}', await unsubscribeToken(tx, who.supporterId)),
    },
    idempotencyKey: `letters-confirm:${who.batchId}`,
  });
}

/**
 * Every letter of this submission was already confirmed and sent. The person who typed the address
 * was told to check their email (the same answer as any other), so the owner hears what happened;
 * at most one such note a day per campaign (and the per-email limit bounds the rest).
 */
async function mailAlreadyWritten(tx: DbOrTx, campaign: LetterCampaignRow, supporterId: string, email: string, firstName: string, senatorNames: string[]) {
  await enqueueEmail(tx, {
    template: 'letters-already-written',
    to: email,
    props: {
      firstName: greetingName(firstName),
      campaignTitle: campaign.title,
      senators: senatorNames.map((name) => ({ name })),
      campaignUrl: `${env().APP_URL.replace(/\/$/, '')}/c/${campaign.slug}`,
      coalitionName: campaign.organisationName,
      unsubscribeUrl: secretLink('/unsubscribe/{token}', await unsubscribeToken(tx, supporterId)),
    },
    idempotencyKey: `letters-already:${campaign.id}:${supporterId}:${new Date().toISOString().slice(0, 10)}`,
  });
}
