import 'server-only';
import { unstable_cache } from 'next/cache';
import { getCoalition } from '@/lib/organisations/get-coalition';
import { getSignatureCount } from '@/lib/petitions/get-signature-count';
import { listRecentSigners } from '@/lib/petitions/list-recent-signers';
import { getDataCacheNamespace } from './cache-namespace';
import { CAMPAIGNS_TAG, COALITION_TAG, campaignTag } from './cache-tags';
import { getPublicCampaign, type SignerVisibility } from './get-public-campaign';
import { listPublicCampaigns } from './list-public-campaigns';
import { resolveCampaignSlug } from './resolve-campaign-slug';

// The data cache in front of the public read verbs (which stay plain, so tests call them directly).
// Campaign content is cached until staff change it (tags, see cache-tags.ts); counts and recent
// signers for a few seconds, so a busy campaign costs one count query per interval per instance,
// however many people are reading. unstable_cache rather than 'use cache': cacheComponents is off.
// Every key starts with the database's namespace (cache-namespace.ts).

export const COUNT_TTL_SECONDS = 5;
const SIGNERS_TTL_SECONDS = 60;
const LIST_TTL_SECONDS = 30;

type Options = { tags: string[]; revalidate?: number };

async function cached<T>(key: string[], load: () => Promise<T>, options: Options): Promise<T> {
  const ns = await getDataCacheNamespace();
  return unstable_cache(load, [ns, ...key], options)();
}

export const cachedResolveSlug = (slug: string) =>
  cached(['resolve-slug', slug], () => resolveCampaignSlug(slug), { tags: [CAMPAIGNS_TAG] });

export const cachedPublicCampaign = (id: string) =>
  cached(['public-campaign', id], () => getPublicCampaign(id), { tags: [campaignTag(id)] });

/** `ttlSeconds` also caps the revalidate time of a cached page that calls it: pages pass a longer one. */
export const cachedSignatureCount = (id: string, ttlSeconds = COUNT_TTL_SECONDS) =>
  cached(['signature-count', id, String(ttlSeconds)], () => getSignatureCount(id), {
    revalidate: ttlSeconds,
    tags: [campaignTag(id)],
  });

export const cachedRecentSigners = (id: string, visibility: SignerVisibility) =>
  cached(['recent-signers', id, visibility], () => listRecentSigners(id, visibility), {
    revalidate: SIGNERS_TTL_SECONDS,
    tags: [campaignTag(id)],
  });

export const cachedPublicCampaignList = () =>
  cached(['public-campaign-list'], () => listPublicCampaigns(), { revalidate: LIST_TTL_SECONDS, tags: [CAMPAIGNS_TAG] });

export const cachedCoalition = () => cached(['coalition'], () => getCoalition(), { tags: [COALITION_TAG] });
