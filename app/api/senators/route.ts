import type { NextRequest } from 'next/server';
import { toJsonResponse } from '@/lib/errors';
import { lookupSenators } from '@/lib/letters/lookup-senators';
import { attachCampaignStances } from '@/lib/senators/attach-campaign-stances';
import { currentRequestOrigin } from '@/lib/security/client-ip';
import { enforcePublicLimits } from '@/lib/security/public-limits';

/**
 * GET /api/senators?zip=12345[&state=XX] | ?state=XX [&campaign=slug] — the JSON twin of the letter page's lookup,
 * for the JS-enhanced form. 200 `{ lookup }`; errors in the one JSON shape (lib/errors.ts); 429.
 */
// Dynamic by nature: it reads the request's query string.
export async function GET(req: NextRequest) {
  const q = req.nextUrl.searchParams;
  try {
    await enforcePublicLimits('lookup', { origin: await currentRequestOrigin(req.headers) });
    // `campaign`: the page's slug, so the answer carries the stances that campaign publishes.
    const lookup = await attachCampaignStances(await lookupSenators({ zip: q.get('zip'), state: q.get('state') }), q.get('campaign')?.slice(0, 200));
    return Response.json({ lookup }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return toJsonResponse(e, { log: 'senator lookup failed' });
  }
}
