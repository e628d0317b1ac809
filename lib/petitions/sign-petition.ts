import 'server-only';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns } from '@/db/schema';
import { sealLink, secretLink } from '@/lib/email/secret-links';
import { env } from '@/lib/env';
import { AppError, validationError } from '@/lib/errors';
import { newRawToken } from '@/lib/security/tokens';
import { WORDING_OF_O } from '@/lib/consents/consent-offers';
import type { ConsentMethod } from '@/db/schema/enum-values';
import { getCountBase, rememberCountBase } from './count-base';
import { queryRowsPrepared } from './run-statement';
import { SignPetitionInput } from './schemas';
import { stateForZip } from './state-for-zip';

export const CONFIRM_TOKEN_TTL_HOURS = 30 * 24;
export const UNSUBSCRIBE_TOKEN_TTL_HOURS = 2 * 365 * 24;

export type SignPetitionResult = {
  status: 'signed' | 'already_signed';
  /** The campaign's signature count including this one, for the signer's own thank-you view. */
  count: number;
  signatureId: string | null;
  campaign: { id: string; slug: string; title: string };
};

type Row = {
  campaign_id: string;
  title: string;
  signature_id: string | null;
  /** Visible signatures created at or before base_at, and after it (see count-base.ts). */
  base_count: number;
  base_at: string;
  recent_count: number;
  full_count: boolean;
};

/**
 * Sign a live campaign's petition in ONE statement, which Postgres runs as one transaction: find
 * the live campaign, find or create the supporter (an existing profile is never changed by a
 * submission: anyone can type anyone's address), insert the signature with its own record of what
 * was typed (ON CONFLICT DO NOTHING: one per email per campaign, so a repeat changes nothing) and,
 * only for a new signature, its confirm and unsubscribe tokens and the
 * `signature-confirmation` outbox row (idempotency key `sig-confirm:<signatureId>`). A repeat
 * signer gets `already_signed`: no second row, no second email.
 *
 * Why not `enqueueEmail` in a transaction: that costs three more round trips and a second
 * statement, and the benchmark put it at 0.40× a bare route (target 0.5×). The outbox row written
 * here is the one enqueueEmail would write (same columns and defaults, links sealed; its props are checked
 * against the template's schema in tests/integration/petition-sign.test.ts), except that the
 * campaign title and coalition name come from the database inside the statement.
 */
export async function signPetition({ input, method = 'form' }: { input: SignPetitionInput; method?: ConsentMethod }): Promise<SignPetitionResult> {
  const parsed = SignPetitionInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const data = parsed.data;
  const state = stateForZip(data.zip);
  const confirm = newRawToken();
  const unsubscribe = newRawToken();
  const signatureId = randomUUID(); // known up front, so the outbox row can carry it in its key
  const comment = data.comment ?? null;
  // The links' tokens go into the outbox sealed, never in the clear (lib/email/secret-links.ts).
  const [confirmLink, unsubscribeLink] = await Promise.all([
    sealLink(secretLink('/confirm/signature/{token}', confirm.raw)),
    sealLink(secretLink('/unsubscribe/{token}', unsubscribe.raw)),
  ]);
  // The template caps names at 100 UTF-16 units; ours allow 80 characters (emoji count twice there).
  const mailFirstName = data.firstName.length <= 100 ? data.firstName : '';
  const base = getCountBase(data.campaignSlug);

  const [row] = await queryRowsPrepared<Row>(
    sql`with c as (
          select c.id, c.title, c.comment_moderation, c.signer_visibility, c.ref_only_partner_box, o.name as coalition_name
          from campaigns c join organisations o on o.id = c.organisation_id
          where c.slug = ${data.campaignSlug}::text and c.status = 'live' and c.archived_at is null
        ), ref as (
          -- The referring partner (?ref=): any active partner is credited, co-sponsor or not.
          select r.id from organisations r
          where r.slug = ${data.ref ?? null}::text and r.kind = 'partner' and r.retired_at is null
        ), sup as (
          insert into supporters (email, first_name, last_name, zip, state)
          select ${data.email}::text, ${data.firstName}::text, ${data.lastName}::text, ${data.zip}::text, ${state}::text
          from c
          -- A no-op update, only to return the id (and to wait for a concurrent insert of the same
          -- address): an existing profile changes only through a click its owner confirmed.
          on conflict (email) do update set email = excluded.email
          returning id
        ), sig as (
          insert into signatures (id, campaign_id, supporter_id, first_name, last_name, zip, state, visibility,
                                  comment, comment_status, opted_in, source, ref_organisation_id)
          select ${signatureId}::uuid, c.id, sup.id, ${data.firstName}::text, ${data.lastName}::text, ${data.zip}::text,
                 ${state}::text, c.signer_visibility, ${comment}::text,
                 (case when ${comment}::text is null then 'none' when c.comment_moderation then 'pending' else 'approved' end)::comment_status,
                 ${data.optIn}::boolean, ${data.source ?? null}::text, (select id from ref)
          from c, sup
          on conflict (campaign_id, supporter_id) do nothing
          returning id, campaign_id, supporter_id
        ), cons as (
          -- One consent per ticked box, with the words it showed, only for a new signature (a
          -- repeat changes nothing). Partners count only as active co-sponsors of this campaign,
          -- and only the referring one when the campaign shows ?ref= visitors that box alone.
          insert into consents (supporter_id, organisation_id, campaign_id, signature_id, wording, method, source)
          select sig.supporter_id, o.id, sig.campaign_id, sig.id, ${WORDING_OF_O}, ${method}::consent_method, ${data.source ?? null}::text
          from sig, c, organisations o
          where o.retired_at is null and (
            (o.kind = 'host' and ${data.optIn}::boolean)
            or (o.kind = 'partner'
                and o.slug in (select jsonb_array_elements_text(${JSON.stringify(data.optInPartners)}::jsonb))
                and exists (select 1 from campaign_sponsors cs where cs.campaign_id = c.id and cs.organisation_id = o.id)
                and (not c.ref_only_partner_box or not exists (select 1 from ref) or o.id = (select id from ref))))
          on conflict do nothing
        ), tok as (
          insert into action_tokens (token_hash, purpose, supporter_id, campaign_id, expires_at)
          select ${confirm.hash}::text, 'confirm_signature'::token_purpose, sig.supporter_id, sig.campaign_id,
                 now() + make_interval(hours => ${CONFIRM_TOKEN_TTL_HOURS}::int)
          from sig
          union all
          select ${unsubscribe.hash}::text, 'unsubscribe'::token_purpose, sig.supporter_id, null::uuid,
                 now() + make_interval(hours => ${UNSUBSCRIBE_TOKEN_TTL_HOURS}::int)
          from sig
        ), mail as (
          insert into email_outbox (template, to_address, props, idempotency_key, max_attempts)
          select 'signature-confirmation', ${data.email}::text,
                 jsonb_build_object(
                   'firstName', ${mailFirstName}::text,
                   'campaignTitle', c.title,
                   'confirmUrl', ${JSON.stringify(confirmLink)}::jsonb,
                   'unsubscribeUrl', ${JSON.stringify(unsubscribeLink)}::jsonb,
                   'coalitionName', c.coalition_name),
                 'sig-confirm:' || sig.id::text, ${env().OUTBOX_MAX_ATTEMPTS}::int
          from sig, c
          on conflict (idempotency_key) do nothing
        ), t as (
          -- The new base time: a second ago, but never before the base we already have.
          select greatest(now() - interval '1 second', coalesce(${base?.at ?? null}::timestamptz, '-infinity')) as at,
                 (c.id = ${base?.campaignId ?? null}::uuid) is true as incremental
          from c
        )
        select c.id as campaign_id, c.title,
               (select id from sig) as signature_id,
               case when t.incremental
                 then ${base?.count ?? 0}::int + (select count(*)::int from signatures s where s.campaign_id = c.id
                        and s.created_at > ${base?.at ?? null}::timestamptz and s.created_at <= t.at)
                 else (select count(*)::int from signatures s where s.campaign_id = c.id and s.created_at <= t.at)
               end as base_count,
               to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as base_at,
               (select count(*)::int from signatures s where s.campaign_id = c.id and s.created_at > t.at) as recent_count,
               not t.incremental as full_count
        from c, t`,
  );

  if (!row) throw await notSignable(data.campaignSlug);
  const signed = row.signature_id !== null;
  rememberCountBase(
    data.campaignSlug,
    { campaignId: row.campaign_id, count: Number(row.base_count), at: row.base_at },
    row.full_count,
  );
  return {
    status: signed ? 'signed' : 'already_signed',
    // The statement counted on its snapshot, before its own insert (see count-base.ts).
    count: Number(row.base_count) + Number(row.recent_count) + (signed ? 1 : 0),
    signatureId: row.signature_id,
    campaign: { id: row.campaign_id, slug: data.campaignSlug, title: row.title },
  };
}

async function notSignable(slug: string): Promise<AppError> {
  const [c] = await getDb()
    .select({ status: campaigns.status, archivedAt: campaigns.archivedAt })
    .from(campaigns)
    .where(eq(campaigns.slug, slug));
  if (c && c.status === 'closed' && !c.archivedAt) {
    return new AppError('CONFLICT', 'This petition has closed and no longer takes signatures. Thank you for your support.');
  }
  return new AppError('NOT_FOUND', 'We could not find an open petition at this address.');
}
