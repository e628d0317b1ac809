import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { campaigns, organisations, treaties } from '@/db/schema';
import { buildLetterDraft, type LetterDraft } from './letter-draft';

type DeliveryMode = (typeof campaigns.$inferSelect)['deliveryMode'];

/** What the letter page shows about a campaign. No delivery addresses. */
export type LetterCampaign = {
  id: string;
  slug: string;
  title: string;
  /** Live and not archived: letters can be written. */
  open: boolean;
  requirePersonalSentence: boolean;
  organisationName: string;
  treatyName: string;
  treatyShortName: string;
  draft: LetterDraft;
};

/** Internal to lib/letters: includes the routing settings the page must not see. */
export type LetterCampaignRow = LetterCampaign & {
  deliveryMode: DeliveryMode;
  deliveryInboxEmail: string | null;
  /** How the Senate's CWC service files the letters, and the coalition as CWC names it. */
  cwcTopic: string;
  cwcProOrCon: 'pro' | 'con';
  organisationContactEmail: string | null;
};

export async function loadLetterCampaign(
  db: DbOrTx,
  where: { id: string } | { slug: string },
): Promise<LetterCampaignRow | null> {
  const [row] = await db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      title: campaigns.title,
      status: campaigns.status,
      archivedAt: campaigns.archivedAt,
      requirePersonalSentence: campaigns.requirePersonalSentence,
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
    })
    .from(campaigns)
    .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
    .innerJoin(treaties, eq(treaties.id, campaigns.treatyId))
    .where('id' in where ? eq(campaigns.id, where.id) : and(eq(campaigns.slug, where.slug), isNull(campaigns.archivedAt)));
  if (!row || row.status === 'draft') return null;
  const { subjectTemplate, bodyTemplate, status, archivedAt, ...rest } = row;
  return {
    ...rest,
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
    organisationName: row.organisationName,
    treatyName: row.treatyName,
    treatyShortName: row.treatyShortName,
    draft: row.draft,
  };
}
