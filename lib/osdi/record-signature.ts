import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/raw';
import { AppError } from '@/lib/errors';
import { runPublicPipeline } from '@/lib/forms/public-action';
import { SignPetitionInput } from '@/lib/petitions/schemas';
import { signPetition } from '@/lib/petitions/sign-petition';
import type { ApiCaller } from './authenticate';
import { OsdiEmailAddress, osdiValidationError, primaryEmail, withOsdiFieldNames } from './helper-input';
import { signatureResource, signatureSelect } from './resources';

// OSDI's record_signature_helper body: a person, optional comments, and Ratify's own consent flag.
// Strict: an unknown or ill-typed field is a 400 naming it, so a typo never signs half a person.
const Postal = z
  .object({
    postal_code: z.string().max(20),
    primary: z.boolean().optional(),
    locality: z.string().max(100).optional(),
    region: z.string().max(40).optional(),
    country: z.string().max(2).optional(),
  })
  .strict();
export const RecordSignatureBody = z
  .object({
    person: z
      .object({
        given_name: z.string().max(200),
        family_name: z.string().max(200),
        email_addresses: z.array(OsdiEmailAddress).min(1).max(5),
        postal_addresses: z.array(Postal).min(1).max(5),
      })
      .strict(),
    comments: z.string().max(5000).optional(),
    /** Consent to email from the key's organisation, recorded with method `api`. */
    'ratify:opt_in': z.boolean().optional(),
  })
  .strict();

// The form's field names → the OSDI ones, so an error names what the caller sent.
const OSDI_FIELD: Record<string, string> = {
  firstName: 'person.given_name',
  lastName: 'person.family_name',
  email: 'person.email_addresses.0.address',
  zip: 'person.postal_addresses.0.postal_code',
  comment: 'comments',
};

/**
 * Record a signature through the petition's own pipeline (lib/forms/public-action.ts): the same
 * validation, per-IP and per-email limits, dedupe (a repeat changes nothing and answers 200 with
 * the existing signature), confirmation email, consent rows (method `api`) and count. A partner's
 * key credits its partner as the referrer, and its opt-in flag ticks that partner's box; the host's
 * key ticks the host's box.
 */
export async function recordSignature(caller: ApiCaller, base: string, petitionId: string, body: unknown, headers: Pick<Headers, 'get'>) {
  const parsed = RecordSignatureBody.safeParse(body);
  if (!parsed.success) throw osdiValidationError(parsed.error.issues);
  const b = parsed.data;
  const [campaign] = await queryRows<{ slug: string }>(getDb(), sql`select slug from campaigns where id = ${petitionId}::uuid and status in ('live', 'closed')`);
  if (!campaign) throw new AppError('NOT_FOUND', 'No such petition.');
  const partner = caller.organisationKind === 'partner';
  const optIn = b['ratify:opt_in'] ?? false;
  const email = primaryEmail(b.person.email_addresses);
  try {
    const { result } = await runPublicPipeline(
      {
        limit: 'sign',
        schema: SignPetitionInput,
        emailOf: (input) => input.email,
        run: (input) => signPetition({ input, method: 'api' }),
        sendsMail: (r) => r.status === 'signed',
      },
      {
        campaignSlug: campaign.slug,
        firstName: b.person.given_name,
        lastName: b.person.family_name,
        email,
        zip: b.person.postal_addresses[0].postal_code,
        comment: b.comments,
        optIn: !partner && optIn,
        optInPartners: partner && optIn ? [caller.organisationSlug] : [],
        ref: partner ? caller.organisationSlug : undefined,
        source: 'osdi',
      },
      headers,
    );
    const [row] = await queryRows<Parameters<typeof signatureResource>[1]>(
      getDb(),
      signatureSelect(sql`s.campaign_id = ${result.campaign.id}::uuid and s.supporter_id = (select id from supporters where email = ${email.trim().toLowerCase()})`),
    );
    return { created: result.status === 'signed', signature: signatureResource(base, row), count: result.count };
  } catch (e) {
    throw withOsdiFieldNames(e, OSDI_FIELD);
  }
}
