import { after } from 'next/server';
import { jsonError, toJsonResponse } from '@/lib/errors';
import { countPageView } from '@/lib/analytics/record-page-view';
import { findPublicCampaignBySlug } from '@/lib/campaigns/find-public-campaign-by-slug';
import { cachedSignatureCount } from '@/lib/campaigns/public-cache';
import { logger } from '@/lib/log/logger';
import { SourceField } from '@/lib/petitions/schemas';
import { getClientIpHash } from '@/lib/security/client-ip';
import { issueFormGuardToken } from '@/lib/security/form-guard';

// The campaign page's view beacon (components/petition/use-live-campaign.ts). Page views are
// counted here rather than while rendering, because the page is served from cache and renders
// only now and then: one POST per view in the browser, counted after the answer is sent (after()),
// by day and source only — no cookie, nothing about the visitor; an address that keeps reloading
// stops being counted after a few views (its salted hash is a rate-limit key that expires). Visitors
// without JS are not counted. The answer brings the live count and a fresh anti-bot timestamp for the form.
export async function POST(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  try {
    return await countView(req, ctx);
  } catch (e) {
    return toJsonResponse(e, { log: 'page view beacon failed' });
  }
}

async function countView(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const campaign = await findPublicCampaignBySlug((await params).slug);
  if (!campaign) return jsonError('NOT_FOUND', 'We could not find a campaign at this address.');
  let source: string | undefined;
  try {
    const body = (await req.json()) as { source?: unknown };
    source = SourceField.parse(body?.source);
  } catch {
    source = undefined;
  }
  const ipHash = await getClientIpHash(req.headers);
  after(() =>
    countPageView({ campaignId: campaign.id, source, ipHash }).catch((err: Error) =>
      logger.warn({ err: err.message, cause: (err.cause as Error | undefined)?.message }, 'page view not recorded'),
    ),
  );
  const [count, formToken] = await Promise.all([
    cachedSignatureCount(campaign.id),
    campaign.open ? issueFormGuardToken() : Promise.resolve(undefined),
  ]);
  return Response.json({ count, formToken }, { headers: { 'Cache-Control': 'no-store' } });
}
