import { env } from '@/lib/env';
import { osdiBase, osdiRoute } from '@/lib/osdi/handle';
import { halJson, parseCollectionQuery } from '@/lib/osdi/query';
import { listPetitions } from '@/lib/osdi/resources';

export const dynamic = 'force-dynamic';

/** `GET /api/osdi/v1/petitions?page=&per_page=&filter=modified_date gt '…'` */
export const GET = osdiRoute(async (req) => {
  const q = parseCollectionQuery(new URL(req.url).searchParams);
  return halJson(await listPetitions(osdiBase(), env().APP_URL.replace(/\/$/, ''), q));
});
