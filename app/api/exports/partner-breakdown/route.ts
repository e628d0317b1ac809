import { requireStaffApi } from '@/lib/auth/require-staff';
import { toJsonResponse } from '@/lib/errors';
import { getPartnerBreakdown } from '@/lib/analytics/get-partner-breakdown';
import { csvDownload, csvLine, exportFilename } from '@/lib/exports/csv-format';
import { neutraliseCell } from '@/lib/exports/csv-safety';

export const dynamic = 'force-dynamic';

/** `GET /api/exports/partner-breakdown` → signatures, letters and opt-ins per partner as CSV (host analytics). */
export async function GET(): Promise<Response> {
  const staff = await requireStaffApi('analytics:view');
  if (staff instanceof Response) return staff;
  try {
    const rows = await getPartnerBreakdown({ actor: staff });
    const body =
      '\ufeff' +
      csvLine(['Partner', 'Short code', 'Retired', 'Referred signatures', 'Referred letters', 'Opt-ins']) +
      rows.map((r) => csvLine([neutraliseCell(r.name), r.slug, r.retired ? 'yes' : 'no', String(r.signatures), String(r.letters), String(r.optIns)])).join('');
    return csvDownload(body, exportFilename('partners', new Date(), 'breakdown'));
  } catch (e) {
    return toJsonResponse(e, { log: 'partner breakdown export failed' });
  }
}
