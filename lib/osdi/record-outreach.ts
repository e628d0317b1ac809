import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { AppError } from '@/lib/errors';
import { runPublicPipeline } from '@/lib/forms/public-action';
import { loadLetterCampaign } from '@/lib/letters/letter-campaign';
import { SendLettersInput } from '@/lib/letters/schemas';
import { submitLetters } from '@/lib/letters/send-letters';
import type { ApiCaller } from './authenticate';
import { OsdiEmailAddress, osdiValidationError, withOsdiFieldNames } from './helper-input';
import { findOutreaches, outreachResource, outreachRows } from './outreaches';

// OSDI's record_outreach_helper body: the person (with the postal address their senators are found
// from), the letter's subject and message (the campaign's suggested text when left out), and
// Ratify's own consent flag and personal sentence. Strict: an unknown or ill-typed field is a 400
// naming it. `targets` is refused rather than ignored: the letters go to the person's own senators.
const Postal = z
  .object({
    postal_code: z.string().max(20),
    primary: z.boolean().optional(),
    address_lines: z.array(z.string().max(200)).max(3).optional(),
    locality: z.string().max(100).optional(),
    region: z.string().max(40).optional(),
    country: z
      .string()
      .max(2)
      .refine((c) => c.toUpperCase() === 'US', 'Letters go to US senators: the address must be in the US.')
      .optional(),
  })
  .strict();

export const RecordOutreachBody = z
  .object({
    person: z
      .object({
        given_name: z.string().max(200),
        family_name: z.string().max(200),
        /** Mr., Mrs., Ms., Miss or Dr.: required while letters go through the Senate's CWC service. */
        honorific_prefix: z.string().max(10).optional(),
        email_addresses: z.array(OsdiEmailAddress).min(1).max(5),
        postal_addresses: z.array(Postal).min(1).max(5),
      })
      .strict(),
    type: z.literal('email', { error: 'Ratify records letters: use "email", or leave type out.' }).optional(),
    subject: z.string().max(1000).optional(),
    message: z.string().max(20_000).optional(),
    targets: z.undefined({ error: 'Leave targets out: the letters go to the senators of the person’s ZIP code, chosen by Ratify.' }).optional(),
    /** A sentence in the writer's own words (some campaigns require one). */
    'ratify:personal_sentence': z.string().max(2000).optional(),
    /** Consent to email from the key's organisation, recorded with method `api`. */
    'ratify:opt_in': z.boolean().optional(),
  })
  .strict();

const primaryIndex = (list: readonly { primary?: boolean }[]) => Math.max(0, list.findIndex((a) => a.primary));

/**
 * Record a letter to the person's senators through the letter form's own pipeline
 * (lib/forms/public-action.ts → lib/letters/send-letters.ts): the same validation, per-IP and
 * per-email limits, dedupe (a letter already confirmed is never touched; one still waiting takes the
 * newer text), consent rows (method `api`), and the confirmation email in the same transaction.
 * Nothing goes to a Senate office until the writer clicks that email's link: an API key is never a
 * "confirmed writer". A partner's key credits its partner as the referrer and its opt-in flag ticks
 * that partner's box; the host's key ticks the host's box.
 *
 * 201 with this submission's outreaches (one per senator, awaiting confirmation); 200 when every
 * letter was already confirmed (nothing written), with the person's outreaches the key may see.
 */
export async function recordOutreach(caller: ApiCaller, base: string, campaignId: string, body: unknown, headers: Pick<Headers, 'get'>) {
  const parsed = RecordOutreachBody.safeParse(body);
  if (!parsed.success) throw osdiValidationError(parsed.error.issues);
  const b = parsed.data;
  const campaign = await loadLetterCampaign(getDb(), { id: campaignId });
  if (!campaign) throw new AppError('NOT_FOUND', 'No such advocacy campaign.');

  const e = primaryIndex(b.person.email_addresses);
  const p = primaryIndex(b.person.postal_addresses);
  const postal = b.person.postal_addresses[p];
  const address = `person.postal_addresses.${p}`;
  // The form's field names → the OSDI ones, so an error names what the caller sent.
  const names: Record<string, string> = {
    firstName: 'person.given_name',
    lastName: 'person.family_name',
    email: `person.email_addresses.${e}.address`,
    zip: `${address}.postal_code`,
    state: `${address}.region`,
    city: `${address}.locality`,
    street: `${address}.address_lines`,
    prefix: 'person.honorific_prefix',
    subject: 'subject',
    body: 'message',
    personalSentence: 'ratify:personal_sentence',
  };
  const partner = caller.organisationKind === 'partner';
  const optIn = b['ratify:opt_in'] ?? false;
  try {
    const { result } = await runPublicPipeline(
      {
        limit: 'letter',
        schema: SendLettersInput,
        emailOf: (input) => input.email,
        // writer: null — only a click in the writer's own inbox sends their letters.
        run: (input) => submitLetters({ input, writer: null, method: 'api' }),
      },
      {
        campaignSlug: campaign.slug,
        firstName: b.person.given_name,
        lastName: b.person.family_name,
        email: b.person.email_addresses[e].address,
        zip: postal.postal_code,
        state: postal.region,
        city: postal.locality,
        street: postal.address_lines?.map((l) => l.trim()).filter(Boolean).join(', '),
        prefix: b.person.honorific_prefix,
        subject: b.subject ?? campaign.draft.subject,
        body: b.message ?? campaign.draft.body,
        personalSentence: b['ratify:personal_sentence'],
        optIn: !partner && optIn,
        optInPartners: partner && optIn ? [caller.organisationSlug] : [],
        ref: partner ? caller.organisationSlug : undefined,
        source: 'osdi',
      },
      headers,
    );
    const created = result.letterIds.length > 0;
    // This submission's letters (the caller just sent them); else what the key may already see of this person's.
    const rows = created
      ? await outreachRows(sql`l.id in (${sql.join(result.letterIds.map((id) => sql`${id}::uuid`), sql`, `)})`)
      : await findOutreaches(caller, [sql`l.campaign_id = ${result.campaignId}::uuid`, sql`l.supporter_id = ${result.supporterId}::uuid`]);
    const outreaches = rows.map((r) => outreachResource(base, r));
    return {
      created,
      body: {
        /** This submission's letters wait for the writer's click in the email just sent. */
        'ratify:awaiting_confirmation': created,
        total_records: outreaches.length,
        _links: {
          'osdi:advocacy_campaign': { href: `${base}/advocacy_campaigns/${result.campaignId}` },
          'osdi:outreaches': outreaches.map((o) => ({ href: o._links.self.href })),
        },
        _embedded: { 'osdi:outreaches': outreaches },
      },
    };
  } catch (err) {
    throw withOsdiFieldNames(err, names);
  }
}
