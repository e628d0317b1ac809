import { osdiBase, osdiRoute } from '@/lib/osdi/handle';
import { halJson, parseCollectionQuery } from '@/lib/osdi/query';
import { listPeople } from '@/lib/osdi/resources';

export const dynamic = 'force-dynamic';

/** People who opted in to the key's organisation (standing, confirmed consents) — no one else. */
export const GET = osdiRoute(async (req, caller) => halJson(await listPeople(caller, osdiBase(), parseCollectionQuery(new URL(req.url).searchParams))));
