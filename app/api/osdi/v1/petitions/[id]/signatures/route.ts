import { readJsonBody } from '@/lib/http/read-json-body';
import { osdiBase, osdiRoute } from '@/lib/osdi/handle';
import { halJson, parseCollectionQuery } from '@/lib/osdi/query';
import { recordSignature } from '@/lib/osdi/record-signature';
import { listSignatures, parseOsdiId } from '@/lib/osdi/resources';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/** The petition's signatures this key may see (a partner's key: its own opted-in people only). */
export const GET = osdiRoute<Ctx>(async (req, caller, { params }) => {
  const id = parseOsdiId((await params).id);
  return halJson(await listSignatures(caller, osdiBase(), id, parseCollectionQuery(new URL(req.url).searchParams)));
});

/** record_signature_helper: 201 with the new signature, 200 with the existing one for a repeat. */
export const POST = osdiRoute<Ctx>(
  async (req, caller, { params }) => {
    const id = parseOsdiId((await params).id);
    const body = await readJsonBody(req);
    const result = await recordSignature(caller, osdiBase(), id, body, req.headers);
    return halJson(result.signature, result.created ? 201 : 200);
  },
  { write: true },
);
