import 'server-only';
import { revalidateTag } from 'next/cache';

// Cache tags for the public side (lib/campaigns/public-cache.ts). Staff code that changes what a
// public page shows calls revalidateCampaign(id) after its transaction commits.
export const CAMPAIGNS_TAG = 'campaigns';
export const COALITION_TAG = 'coalition';
export const campaignTag = (id: string) => `campaign:${id}`;

// `{ expire: 0 }`: the next visitor gets the edit, not one last stale page. Works in server actions
// and route handlers alike (updateTag only in actions).
const NOW = { expire: 0 };

/**
 * Drop every cached public view of one campaign: its page, its Open Graph image, its recent
 * signers, and the slug lookups and home list (a publish, close, rename or unpublish changes those).
 */
export function revalidateCampaign(id: string): void {
  revalidateTag(campaignTag(id), NOW);
  revalidateTag(CAMPAIGNS_TAG, NOW);
}

/** After the coalition's name or tagline changes (every public page's header and footer). */
export function revalidateCoalition(): void {
  revalidateTag(COALITION_TAG, NOW);
}
