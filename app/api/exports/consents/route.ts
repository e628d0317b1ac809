import { requireStaffApi } from '@/lib/auth/require-staff';
import { toJsonResponse } from '@/lib/errors';
import { csvDownload } from '@/lib/exports/csv-format';
import { exportOptedInPeople } from '@/lib/partners/export-opted-in-people';
import { paramsObject } from '@/lib/partners/schemas';

export const dynamic = 'force-dynamic';

/** `GET /api/exports/consents?organisationId=…` → the organisation's opted-in people as CSV (a partner: its own only). */
export async function GET(request: Request): Promise<Response> {
  const staff = await requireStaffApi('consents:export');
  if (staff instanceof Response) return staff;
  try {
    const result = await exportOptedInPeople({ actor: staff, input: paramsObject(new URL(request.url).searchParams), signal: request.signal });
    return csvDownload(result.body, result.filename);
  } catch (e) {
    return toJsonResponse(e, { log: 'consent export could not start' });
  }
}
