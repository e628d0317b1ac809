import 'server-only';
import { desc, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns } from '@/db/schema';
import { assertCan, type StaffActor } from '@/lib/auth/actor';

export type AnalyticsCampaignOption = { slug: string; title: string; status: string };

/** Campaigns for the analytics picker: live first, then newest. */
export async function listAnalyticsCampaigns({ actor }: { actor: StaffActor }): Promise<AnalyticsCampaignOption[]> {
  assertCan(actor, 'analytics:view');
  return getDb()
    .select({ slug: campaigns.slug, title: campaigns.title, status: campaigns.status })
    .from(campaigns)
    .orderBy(sql`(${campaigns.status} = 'live') desc`, desc(campaigns.createdAt));
}
