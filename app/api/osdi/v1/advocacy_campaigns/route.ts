import { env } from '@/lib/env';
import { listAdvocacyCampaigns } from '@/lib/osdi/advocacy-campaigns';
import { osdiBase, osdiRoute } from '@/lib/osdi/handle';
import { halJson, parseCollectionQuery } from '@/lib/osdi/query';

export const dynamic = 'force-dynamic';

/** `GET /api/osdi/v1/advocacy_campaigns?page=&per_page=&filter=modified_date gt '…'` */
export const GET = osdiRoute(async (req) => {
  const q = parseCollectionQuery(new URL(req.url).searchParams);
  return halJson(await listAdvocacyCampaigns(osdiBase(), env().APP_URL.replace(/\/$/, ''), q));
});
