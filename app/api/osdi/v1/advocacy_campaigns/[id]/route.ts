import { env } from '@/lib/env';
import { getAdvocacyCampaign } from '@/lib/osdi/advocacy-campaigns';
import { osdiBase, osdiRoute } from '@/lib/osdi/handle';
import { halJson } from '@/lib/osdi/query';
import { parseOsdiId } from '@/lib/osdi/resources';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

export const GET = osdiRoute<Ctx>(async (_req, _caller, { params }) => {
  const id = parseOsdiId((await params).id);
  return halJson(await getAdvocacyCampaign(osdiBase(), env().APP_URL.replace(/\/$/, ''), id));
});
