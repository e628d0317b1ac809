import { formatCount } from '@/components/dashboard/data-table/format';
import type { PartnerBreakdownRow } from '@/lib/analytics/get-partner-breakdown';

/** Signatures, letters and opt-ins per partner (all campaigns), with its CSV. */
export function PartnerBreakdown({ rows }: { rows: PartnerBreakdownRow[] }) {
  return (
    <section aria-labelledby="partners-title" className="mt-8 rounded-md border border-slate-200 bg-white p-4">
      <h2 id="partners-title" className="mb-3 text-lg font-semibold">
        Partner breakdown (all campaigns)
      </h2>
      {rows.length === 0 ? (
        <p className="text-muted">No partner organisations yet.</p>
      ) : (
        <>
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left">
                <th scope="col">Partner</th>
                <th scope="col" className="text-right">Referred signatures</th>
                <th scope="col" className="text-right">Referred letters</th>
                <th scope="col" className="text-right">Opt-ins</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200">
                  <th scope="row" className="text-left font-normal">
                    {r.name} <span className="text-muted">({r.slug}{r.retired ? ', retired' : ''})</span>
                  </th>
                  <td className="text-right">{formatCount(r.signatures)}</td>
                  <td className="text-right">{formatCount(r.letters)}</td>
                  <td className="text-right">{formatCount(r.optIns)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-3 text-sm">
            <a href="/api/exports/partner-breakdown" className="font-semibold text-brand-700 underline" download>
              Download the partner breakdown (CSV)
            </a>
          </p>
        </>
      )}
    </section>
  );
}
