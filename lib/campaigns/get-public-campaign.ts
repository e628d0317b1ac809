import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, organisations, treaties, treatyStageEvents } from '@/db/schema';

export type TreatyStage = (typeof treaties.$inferSelect)['stage'];
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
  treaty: {
    name: string;
    shortName: string;
    summary: string | null;
    stage: TreatyStage;
    adoptedOn: string | null;
    usSignedOn: string | null;
    signatoriesCount: number | null;
    statesPartiesCount: number | null;
    countsAsOf: string | null;
    countsSource: string | null;
    senateTreatyDoc: string | null;
    events: {
      stage: TreatyStage;
      occurredOn: string;
      note: string | null;
      sourceTitle: string | null;
      sourceUrl: string | null;
    }[];
  };
};

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
  const events = await db
    .select({
      stage: treatyStageEvents.stage,
      occurredOn: treatyStageEvents.occurredOn,
      note: treatyStageEvents.note,
      sourceTitle: treatyStageEvents.sourceTitle,
      sourceUrl: treatyStageEvents.sourceUrl,
    })
    .from(treatyStageEvents)
    .where(eq(treatyStageEvents.treatyId, t.id))
    .orderBy(asc(treatyStageEvents.occurredOn), asc(treatyStageEvents.createdAt));
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
    treaty: {
      name: t.name,
      shortName: t.shortName,
      summary: t.summary,
      stage: t.stage,
      adoptedOn: t.adoptedOn,
      usSignedOn: t.usSignedOn,
      signatoriesCount: t.signatoriesCount,
      statesPartiesCount: t.statesPartiesCount,
      countsAsOf: t.countsAsOf,
      countsSource: t.countsSource,
      senateTreatyDoc: t.senateTreatyDoc,
      events,
    },
  };
}
