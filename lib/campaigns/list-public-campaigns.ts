import 'server-only';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, signatures, treaties } from '@/db/schema';

export type PublicCampaignSummary = {
  slug: string;
  title: string;
  summary: string;
  status: 'live' | 'closed';
  signatureCount: number;
  petitionGoal: number;
  goalAutoStep: boolean;
  treatyShortName: string;
  resultNote: string | null;
};

/** Live and closed (not archived, not draft) campaigns with their signature counts, live first. */
export async function listPublicCampaigns(): Promise<PublicCampaignSummary[]> {
  const rows = await getDb()
    .select({
      slug: campaigns.slug,
      title: campaigns.title,
      summary: campaigns.summary,
      status: campaigns.status,
      petitionGoal: campaigns.petitionGoal,
      goalAutoStep: campaigns.goalAutoStep,
      resultNote: campaigns.resultNote,
      treatyShortName: treaties.shortName,
      signatureCount: sql<number>`(select count(*)::int from ${signatures} where ${signatures.campaignId} = ${campaigns.id})`,
    })
    .from(campaigns)
    .innerJoin(treaties, eq(treaties.id, campaigns.treatyId))
    .where(and(inArray(campaigns.status, ['live', 'closed']), isNull(campaigns.archivedAt)))
    .orderBy(sql`${campaigns.status} = 'closed'`, desc(campaigns.publishedAt));
  return rows.map((r) => ({ ...r, status: r.status as 'live' | 'closed', signatureCount: Number(r.signatureCount) }));
}
