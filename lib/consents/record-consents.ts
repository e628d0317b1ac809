import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/raw';
import type { ConsentMethod } from '@/db/schema/enum-values';
import { WORDING_OF_O } from './consent-offers';

export type ConsentChoices = {
  supporterId: string;
  campaignId: string;
  /** The host's box. */
  optIn: boolean;
  /** The partner boxes ticked (short codes). */
  optInPartners: string[];
  /** The referring partner's id, when the campaign shows `?ref=` visitors that partner's box alone. */
  refOrganisationId: string | null;
  method: ConsentMethod;
  source: string | null;
  signatureId?: string | null;
  letterBatchId?: string | null;
};

/**
 * Record a consent row per ticked box, in the caller's transaction, with the words each box
 * showed. Only the host and this campaign's active co-sponsors count (any other code is ignored),
 * and only the referring partner when the campaign shows a `?ref=` visitor that box alone. The
 * first consent per organisation and campaign stands (a repeat changes nothing). Same rules as
 * the petition's single statement (lib/petitions/sign-petition.ts).
 */
export async function recordConsents(tx: DbOrTx, c: ConsentChoices): Promise<number> {
  if (!c.optIn && c.optInPartners.length === 0) return 0;
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`insert into consents (supporter_id, organisation_id, campaign_id, signature_id, letter_batch_id, wording, method, source)
        select ${c.supporterId}::uuid, o.id, cp.id, ${c.signatureId ?? null}::uuid, ${c.letterBatchId ?? null}::uuid,
               ${WORDING_OF_O}, ${c.method}::consent_method, ${c.source}::text
        from campaigns cp, organisations o
        where cp.id = ${c.campaignId}::uuid and o.retired_at is null and (
          (o.kind = 'host' and ${c.optIn}::boolean)
          or (o.kind = 'partner'
              and o.slug in (select jsonb_array_elements_text(${JSON.stringify(c.optInPartners)}::jsonb))
              and exists (select 1 from campaign_sponsors cs where cs.campaign_id = cp.id and cs.organisation_id = o.id)
              and (not cp.ref_only_partner_box or ${c.refOrganisationId}::uuid is null or o.id = ${c.refOrganisationId}::uuid)))
        on conflict do nothing
        returning id`,
  );
  return rows.length;
}

/** The id of the active partner behind a `?ref=` short code, or null. */
export async function findRefPartnerId(tx: DbOrTx, ref: string | undefined): Promise<string | null> {
  if (!ref) return null;
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`select id from organisations where slug = ${ref}::text and kind = 'partner' and retired_at is null`,
  );
  return row?.id ?? null;
}
