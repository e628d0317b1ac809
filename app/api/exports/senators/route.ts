import { requireStaffApi } from '@/lib/auth/require-staff';
import { toJsonResponse } from '@/lib/errors';
import { csvDownload } from '@/lib/exports/csv-format';
import { exportWhipBoard } from '@/lib/senators/export-whip-board';

export const dynamic = 'force-dynamic';

/** `GET /api/exports/senators?treaty=…&state=…&stance=…&party=…&ssfr=1&absent=1` → the whip board as CSV. */
export async function GET(request: Request): Promise<Response> {
  const staff = await requireStaffApi('senators:export');
  if (staff instanceof Response) return staff;
  const q = new URL(request.url).searchParams;
  const get = (k: string) => q.get(k) ?? undefined;
  try {
    const result = await exportWhipBoard({
      actor: staff,
      input: { treatyId: get('treaty'), state: get('state'), stance: get('stance'), party: get('party'), ssfr: get('ssfr'), absent: get('absent') },
    });
    return csvDownload(result.body, result.filename);
  } catch (e) {
    return toJsonResponse(e, { log: 'whip board export failed' });
  }
}
