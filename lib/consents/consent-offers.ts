import 'server-only';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { campaignSponsors, organisations } from '@/db/schema';
import { defaultOptInText } from '@/lib/organisations/schemas';
import type { ConsentOffer } from './types';

/**
 * The SQL for the opt-in wording of the organisation aliased `o`: the same words the form shows
 * (its own, else defaultOptInText), so a consent row records what the box said.
 */
export const WORDING_OF_O = sql.raw(
  `coalesce(nullif(trim(o.opt_in_text), ''), 'Keep me updated about this campaign by email from ' || o.name || '.')`,
);

/**
 * The opt-in boxes a campaign's forms offer: the host's first, then each active co-sponsor's in
 * the staff's order, each with its own words and privacy link (plus logo and site for the page).
 */
export async function listConsentOffers(db: DbOrTx, campaignId: string): Promise<ConsentOffer[]> {
  const rows = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      kind: organisations.kind,
      name: organisations.name,
      optInText: organisations.optInText,
      privacyPolicyUrl: organisations.privacyPolicyUrl,
      website: organisations.website,
      logoUrl: organisations.logoUrl,
      position: campaignSponsors.position,
    })
    .from(organisations)
    .leftJoin(campaignSponsors, and(eq(campaignSponsors.organisationId, organisations.id), eq(campaignSponsors.campaignId, campaignId)))
    .where(and(isNull(organisations.retiredAt), or(eq(organisations.kind, 'host'), sql`${campaignSponsors.campaignId} is not null`)))
    .orderBy(sql`${organisations.kind} = 'partner'`, asc(campaignSponsors.position), asc(organisations.name));
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    name: r.name,
    wording: r.optInText?.trim() || defaultOptInText(r.name),
    privacyPolicyUrl: r.privacyPolicyUrl,
    website: r.website,
    logoUrl: r.logoUrl,
  }));
}
