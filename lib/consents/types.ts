// Client-safe types of the per-organisation opt-in boxes.
import type { OrganisationKind } from '@/db/schema/enum-values';

/** One opt-in box: whose it is and the exact words shown (what a consent row records). */
export type ConsentOffer = {
  id: string;
  /** The organisation's short code (the `?ref=` value; the box's form value). */
  slug: string;
  kind: OrganisationKind;
  name: string;
  wording: string;
  privacyPolicyUrl: string | null;
  website: string | null;
  logoUrl: string | null;
};

/**
 * The boxes to show, in order, for a visitor who came with `ref` (a partner's short code, or ''):
 * the referring partner's box first; when the campaign says so, only the host's and that partner's.
 */
export function arrangeOffers(offers: ConsentOffer[], ref: string, refOnlyPartnerBox: boolean): ConsentOffer[] {
  const referrer = offers.find((o) => o.kind === 'partner' && o.slug === ref);
  if (!referrer) return offers;
  const rest = offers.filter((o) => o !== referrer && (!refOnlyPartnerBox || o.kind === 'host'));
  return [referrer, ...rest];
}
