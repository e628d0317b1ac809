import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { campaigns, organisations, treaties } from '@/db/schema';
import { buildLetterDraft, type LetterDraft } from './letter-draft';
import { LETTER_VARIANT_GROUPS, variantText, type LetterVariantGroup } from './letter-variants';

type DeliveryMode = (typeof campaigns.$inferSelect)['deliveryMode'];

/** What the letter page shows about a campaign. No delivery addresses. */
export type LetterCampaign = {
  id: string;
  slug: string;
  title: string;
  /** Live and not archived: letters can be written. */
  open: boolean;
  requirePersonalSentence: boolean;
  refOnlyPartnerBox: boolean;
  organisationName: string;
  treatyName: string;
  treatyShortName: string;
  draft: LetterDraft;
  /** The stance-group variants that have text, as drafts (an empty variant is absent: the default applies). */
  variantDrafts: Partial<Record<LetterVariantGroup, LetterDraft>>;
};

/** Internal to lib/letters: includes the routing settings the page must not see. */
export type LetterCampaignRow = LetterCampaign & {
  deliveryMode: DeliveryMode;
  deliveryInboxEmail: string | null;
  treatyId: string;
  /** How the Senate's CWC service files the letters, and the coalition as CWC names it. */
  cwcTopic: string;
  cwcProOrCon: 'pro' | 'con';
  organisationContactEmail: string | null;
};

export async function loadLetterCampaign(
  db: DbOrTx,
  where: { id: string } | { slug: string },
  { includeDrafts = false }: { includeDrafts?: boolean } = {},
): Promise<LetterCampaignRow | null> {
  const [row] = await db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      title: campaigns.title,
      status: campaigns.status,
      archivedAt: campaigns.archivedAt,
      requirePersonalSentence: campaigns.requirePersonalSentence,
      refOnlyPartnerBox: campaigns.refOnlyPartnerBox,
      deliveryMode: campaigns.deliveryMode,
      subjectTemplate: campaigns.letterSubjectTemplate,
      bodyTemplate: campaigns.letterBodyTemplate,
      organisationName: organisations.name,
      deliveryInboxEmail: organisations.deliveryInboxEmail,
      cwcTopic: campaigns.cwcTopic,
      cwcProOrCon: campaigns.cwcProOrCon,
      organisationContactEmail: organisations.contactEmail,
      treatyName: treaties.name,
      treatyShortName: treaties.shortName,
      treatyId: campaigns.treatyId,
      letterVariants: campaigns.letterVariants,
    })
    .from(campaigns)
    .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
    .innerJoin(treaties, eq(treaties.id, campaigns.treatyId))
    .where('id' in where ? eq(campaigns.id, where.id) : and(eq(campaigns.slug, where.slug), isNull(campaigns.archivedAt)));
  if (!row || (row.status === 'draft' && !includeDrafts)) return null;
  const { subjectTemplate, bodyTemplate, status, archivedAt, letterVariants, ...rest } = row;
  const variantDrafts: LetterCampaignRow['variantDrafts'] = {};
  for (const g of LETTER_VARIANT_GROUPS) {
    const v = variantText(letterVariants, g);
    if (v) variantDrafts[g] = buildLetterDraft({ subjectTemplate: v.subject || subjectTemplate, bodyTemplate: v.body, treatyName: row.treatyName, treatyShortName: row.treatyShortName });
  }
  return {
    ...rest,
    variantDrafts,
    open: status === 'live' && !archivedAt,
    draft: buildLetterDraft({ subjectTemplate, bodyTemplate, treatyName: row.treatyName, treatyShortName: row.treatyShortName }),
  };
}

/** The letter page's read verb (after the slug is resolved): live or closed campaigns, never drafts. */
export async function getLetterCampaign(id: string, db: DbOrTx = getDb()): Promise<LetterCampaign | null> {
  const row = await loadLetterCampaign(db, { id });
  if (!row) return null;
  // Spelled out rather than spread, so routing settings can never leak to a page by accident.
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    open: row.open,
    requirePersonalSentence: row.requirePersonalSentence,
    refOnlyPartnerBox: row.refOnlyPartnerBox,
    organisationName: row.organisationName,
    treatyName: row.treatyName,
    treatyShortName: row.treatyShortName,
    draft: row.draft,
    variantDrafts: row.variantDrafts,
  };
}
