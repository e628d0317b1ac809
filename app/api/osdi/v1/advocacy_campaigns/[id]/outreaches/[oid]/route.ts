import { osdiBase, osdiRoute } from '@/lib/osdi/handle';
import { getOutreach } from '@/lib/osdi/outreaches';
import { halJson } from '@/lib/osdi/query';
import { parseOsdiId } from '@/lib/osdi/resources';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string; oid: string }> };

/** One outreach (a letter), under the same scope as the list. */
export const GET = osdiRoute<Ctx>(async (_req, caller, { params }) => {
  const { id, oid } = await params;
  return halJson(await getOutreach(caller, osdiBase(), parseOsdiId(id), parseOsdiId(oid)));
});
