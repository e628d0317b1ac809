import 'server-only';
import { cachedPublicCampaign, cachedResolveSlug } from './public-cache';
import type { PublicCampaign } from './get-public-campaign';

/** For the public JSON routes: a slug (old ones follow their rename) → the cached campaign, or null. */
export async function findPublicCampaignBySlug(slug: string): Promise<PublicCampaign | null> {
  let resolved = await cachedResolveSlug(slug);
  if (resolved.kind === 'moved') resolved = await cachedResolveSlug(resolved.slug);
  if (resolved.kind !== 'found') return null;
  return cachedPublicCampaign(resolved.id);
}
