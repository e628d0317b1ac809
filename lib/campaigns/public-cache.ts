import 'server-only';
import { unstable_cache } from 'next/cache';
import { getCoalition } from '@/lib/organisations/get-coalition';
import { getSignatureCount } from '@/lib/petitions/get-signature-count';
import { listRecentSigners } from '@/lib/petitions/list-recent-signers';
import { CAMPAIGNS_TAG, COALITION_TAG, campaignTag } from './cache-tags';
import { getPublicCampaign, type SignerVisibility } from './get-public-campaign';
import { listPublicCampaigns } from './list-public-campaigns';
import { resolveCampaignSlug } from './resolve-campaign-slug';

// The data cache in front of the public read verbs (which stay plain, so tests call them directly).
// Campaign content is cached until staff change it (tags, see cache-tags.ts); counts and recent
// signers for a few seconds, so a busy campaign costs one count query per interval, however many
// people are reading. unstable_cache rather than 'use cache': cacheComponents is off. The cache is
// shared by every instance and lives in the database it was read from (lib/cache), so a new
// database starts with an empty cache: keys need no per-database prefix.

export const COUNT_TTL_SECONDS = 5;
const SIGNERS_TTL_SECONDS = 60;
const LIST_TTL_SECONDS = 30;
// Content waits for a staff edit's invalidation, but not forever: if one were ever lost (the
// database unreachable at that moment), the page heals within this time.
const CONTENT_TTL_SECONDS = 300;

type Options<T> = { tags: string[]; revalidate?: number; duringBuild?: T };

// `next build` prerenders the home page (a route without params) with no database to read. That
// render is never served: the cache handler (lib/cache) answers only with what a running instance
// stored, so the first visitor gets a fresh render. Reads the build can reach say what to use.
const building = () => process.env.NEXT_PHASE === 'phase-production-build';

function cached<T>(key: string[], load: () => Promise<T>, { duringBuild, ...options }: Options<T>): Promise<T> {
  if (duringBuild !== undefined && building()) return Promise.resolve(duringBuild);
  return unstable_cache(load, key, options)();
}

export const cachedResolveSlug = (slug: string) =>
  cached(['resolve-slug', slug], () => resolveCampaignSlug(slug), {
    revalidate: CONTENT_TTL_SECONDS,
    tags: [CAMPAIGNS_TAG],
  });

export const cachedPublicCampaign = (id: string) =>
  cached(['public-campaign', id], () => getPublicCampaign(id), {
    revalidate: CONTENT_TTL_SECONDS,
    // The coalition's and partners' names, logos and opt-in words are part of it.
    tags: [campaignTag(id), COALITION_TAG],
  });

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
  cached(['public-campaign-list'], () => listPublicCampaigns(), {
    revalidate: LIST_TTL_SECONDS,
    tags: [CAMPAIGNS_TAG],
    duringBuild: [],
  });

export const cachedCoalition = () =>
  cached(['coalition'], () => getCoalition(), {
    revalidate: CONTENT_TTL_SECONDS,
    tags: [COALITION_TAG],
    duringBuild: { id: '', name: 'Ratify', tagline: null, website: null },
  });
