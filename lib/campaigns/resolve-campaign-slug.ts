import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaignSlugRedirects, campaigns } from '@/db/schema';

export type SlugResolution = { kind: 'found'; id: string } | { kind: 'moved'; slug: string } | { kind: 'missing' };

/** A public slug → the campaign (live or closed), its new slug after a rename, or nothing (drafts included). */
export async function resolveCampaignSlug(slug: string): Promise<SlugResolution> {
  if (!/^[a-z0-9][a-z0-9-]{0,199}$/.test(slug)) return { kind: 'missing' };
  const db = getDb();
  const visible = inArray(campaigns.status, ['live', 'closed']);
  const [direct] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.slug, slug), visible));
  if (direct) return { kind: 'found', id: direct.id };
  const [moved] = await db
    .select({ slug: campaigns.slug })
    .from(campaignSlugRedirects)
    .innerJoin(campaigns, eq(campaigns.id, campaignSlugRedirects.campaignId))
    .where(and(eq(campaignSlugRedirects.slug, slug), visible));
  return moved && moved.slug !== slug ? { kind: 'moved', slug: moved.slug } : { kind: 'missing' };
}
