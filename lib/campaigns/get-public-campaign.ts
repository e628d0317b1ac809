import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, organisations, treaties } from '@/db/schema';
import { listConsentOffers } from '@/lib/consents/consent-offers';
import type { ConsentOffer } from '@/lib/consents/types';
import { loadTreatyView, type TreatyView } from '@/lib/treaties/load-treaty-view';

export type { TreatyStage } from '@/lib/treaties/load-treaty-view';
export type SignerVisibility = (typeof campaigns.$inferSelect)['signerVisibility'];

// Plain JSON (dates as strings): this DTO goes through the data cache, which serialises it.
export type PublicCampaign = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  storyMd: string;
  status: 'live' | 'closed';
  /** Live, not archived: the petition and letter forms are shown. */
  open: boolean;
  petitionGoal: number;
  goalAutoStep: boolean;
  signerVisibility: SignerVisibility;
  commentModeration: boolean;
  resultNote: string | null;
  closedAt: string | null;
  organisationName: string;
  /** The opt-in boxes (host first, then co-sponsors in order); the co-sponsors are also shown with logo and link. */
  consentOffers: ConsentOffer[];
  refOnlyPartnerBox: boolean;
  /** Staff published the "where the Senate stands" page (/c/[slug]/senate). */
  senatePagePublic: boolean;
  treaty: TreatyView;
};

/**
 * What the petition form takes from a campaign: the campaign page's panel and the embed's are given
 * the same settings, so the two forms cannot drift apart.
 */
export function petitionSettings(c: PublicCampaign) {
  return {
    slug: c.slug,
    organisationName: c.organisationName,
    goal: c.petitionGoal,
    autoStep: c.goalAutoStep,
    signerVisibility: c.signerVisibility,
    commentModeration: c.commentModeration,
    consentOffers: c.consentOffers,
    refOnlyPartnerBox: c.refOnlyPartnerBox,
  };
}

/** What the public campaign page shows; null for drafts and unknown ids. No supporter data. */
export async function getPublicCampaign(id: string): Promise<PublicCampaign | null> {
  const db = getDb();
  const [row] = await db
    .select({ c: campaigns, t: treaties, organisationName: organisations.name })
    .from(campaigns)
    .innerJoin(treaties, eq(treaties.id, campaigns.treatyId))
    .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
    .where(and(eq(campaigns.id, id), inArray(campaigns.status, ['live', 'closed'])));
  if (!row) return null;
  const { c, t } = row;
  const [treaty, consentOffers] = await Promise.all([loadTreatyView(db, t), listConsentOffers(db, c.id)]);
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    summary: c.summary,
    storyMd: c.storyMd,
    status: c.status as 'live' | 'closed',
    open: c.status === 'live' && !c.archivedAt,
    petitionGoal: c.petitionGoal,
    goalAutoStep: c.goalAutoStep,
    signerVisibility: c.signerVisibility,
    commentModeration: c.commentModeration,
    resultNote: c.resultNote,
    closedAt: c.closedAt?.toISOString() ?? null,
    organisationName: row.organisationName,
    consentOffers,
    refOnlyPartnerBox: c.refOnlyPartnerBox,
    senatePagePublic: c.senatePagePublic,
    treaty,
  };
}
