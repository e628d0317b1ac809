import { requireStaffApi } from '@/lib/auth/require-staff';
import { toJsonResponse } from '@/lib/errors';
import { exportSigners } from '@/lib/exports/export-signers';
import { csvDownload } from '@/lib/exports/csv-format';
import { exportInputFromParams } from '@/lib/exports/schemas';

export const dynamic = 'force-dynamic';

/** `GET /api/exports/signers?preset=crm|delivery&campaignId=…&<people filters>` → CSV download. */
export async function GET(request: Request): Promise<Response> {
  const staff = await requireStaffApi('exports:run');
  if (staff instanceof Response) return staff;

  const input = exportInputFromParams(new URL(request.url).searchParams);
  try {
    const result = await exportSigners({ actor: staff, input, signal: request.signal });
    return csvDownload(result.body, result.filename);
  } catch (e) {
    return toJsonResponse(e, { log: 'signer export could not start' });
  }
}
