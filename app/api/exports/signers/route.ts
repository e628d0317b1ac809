import { requireStaffApi } from '@/lib/auth/require-staff';
import { httpStatus, isAppError } from '@/lib/errors';
import { exportSigners } from '@/lib/exports/export-signers';
import { contentDisposition } from '@/lib/exports/csv-format';
import { exportInputFromParams } from '@/lib/exports/schemas';
import { requestLogger } from '@/lib/log/request-id';

export const dynamic = 'force-dynamic';

/** `GET /api/exports/signers?preset=crm|delivery&campaignId=…&<people filters>` → CSV download. */
export async function GET(request: Request): Promise<Response> {
  const staff = await requireStaffApi('exports:run');
  if (staff instanceof Response) return staff;

  const input = exportInputFromParams(new URL(request.url).searchParams);
  try {
    const result = await exportSigners({ actor: staff, input, signal: request.signal });
    return new Response(result.body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': contentDisposition(result.filename),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (e) {
    if (isAppError(e)) {
      return Response.json({ error: e.code, message: e.message, fieldErrors: e.fieldErrors }, { status: httpStatus[e.code] });
    }
    (await requestLogger()).error({ err: (e as Error).message }, 'signer export could not start');
    return Response.json({ error: 'INTERNAL', message: 'The export could not be started.' }, { status: 500 });
  }
}
