import { osdiBase, osdiRoute } from '@/lib/osdi/handle';
import { halJson } from '@/lib/osdi/query';
import { getOsdiPerson, parseOsdiId } from '@/lib/osdi/resources';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/** One person, only if they opted in to the key's organisation; anyone else answers 404. */
export const GET = osdiRoute<Ctx>(async (_req, caller, { params }) => halJson(await getOsdiPerson(caller, osdiBase(), parseOsdiId((await params).id))));
