import { jsonError, toJsonResponse } from '@/lib/errors';
import { findPublicCampaignBySlug } from '@/lib/campaigns/find-public-campaign-by-slug';
import { COUNT_TTL_SECONDS, cachedSignatureCount } from '@/lib/campaigns/public-cache';
import { displayGoal } from '@/lib/petitions/display-goal';

// Public JSON: a campaign's signature count. The count comes from a 5-second data cache, and the
// answer may be cached as long by browsers and CDNs, so polling it costs the database nothing extra.
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const campaign = await findPublicCampaignBySlug((await params).slug);
    if (!campaign) return jsonError('NOT_FOUND', 'We could not find a campaign at this address.');
    const count = await cachedSignatureCount(campaign.id);
    return Response.json(
      {
        slug: campaign.slug,
        status: campaign.status,
        open: campaign.open,
        count,
        goal: displayGoal(count, campaign.petitionGoal, campaign.goalAutoStep),
      },
      { headers: { 'Cache-Control': `public, max-age=${COUNT_TTL_SECONDS}, stale-while-revalidate=30` } },
    );
  } catch (e) {
    return toJsonResponse(e, { log: 'signature count failed' });
  }
}
