import { readJsonBody } from '@/lib/http/read-json-body';
import { osdiBase, osdiRoute } from '@/lib/osdi/handle';
import { listOutreaches } from '@/lib/osdi/outreaches';
import { halJson, parseCollectionQuery } from '@/lib/osdi/query';
import { recordOutreach } from '@/lib/osdi/record-outreach';
import { parseOsdiId } from '@/lib/osdi/resources';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/** The campaign's letters this key may see (a partner's key: its own opted-in people's only). */
export const GET = osdiRoute<Ctx>(async (req, caller, { params }) => {
  const id = parseOsdiId((await params).id);
  return halJson(await listOutreaches(caller, osdiBase(), id, parseCollectionQuery(new URL(req.url).searchParams)));
});

/** record_outreach_helper: 201 with the letters written (awaiting the writer's confirmation), 200 when nothing new was written. */
export const POST = osdiRoute<Ctx>(
  async (req, caller, { params }) => {
    const id = parseOsdiId((await params).id);
    const body = await readJsonBody(req);
    const result = await recordOutreach(caller, osdiBase(), id, body, req.headers);
    return halJson(result.body, result.created ? 201 : 200);
  },
  { write: true },
);
