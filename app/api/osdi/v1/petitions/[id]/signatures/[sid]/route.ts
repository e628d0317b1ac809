import { osdiBase, osdiRoute } from '@/lib/osdi/handle';
import { halJson } from '@/lib/osdi/query';
import { getSignature, parseOsdiId } from '@/lib/osdi/resources';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string; sid: string }> };

/** One signature (the target of a signature's `self` link), under the same scope as the list. */
export const GET = osdiRoute<Ctx>(async (_req, caller, { params }) => {
  const { id, sid } = await params;
  return halJson(await getSignature(caller, osdiBase(), parseOsdiId(id), parseOsdiId(sid)));
});
