import { formatCount, formatDateTime } from '@/components/dashboard/data-table/format';
import type { RecentExport } from '@/lib/exports/list-recent-exports';

const FILTER_LABELS: Record<string, string> = {
  state: 'state',
  verified: 'verified',
  optedIn: 'opted in',
  source: 'source',
  from: 'from',
  to: 'until',
  comment: 'comment',
};

function describeFilters(filters: Record<string, unknown>): string {
  const parts = Object.entries(filters)
    .filter(([k]) => k in FILTER_LABELS)
    .map(([k, v]) => `${FILTER_LABELS[k]}: ${String(v)}`);
  if (filters.search) parts.push('name/email search');
  return parts.length ? parts.join(', ') : 'none';
}

function outcome(e: RecentExport): string {
  if (e.failed) return 'Failed';
  if (e.aborted) return 'Stopped early';
  return 'Complete';
}

/** Your latest downloads, read back from the audit log. */
export function RecentExports({ exports }: { exports: RecentExport[] }) {
  return (
    <section aria-labelledby="recent-exports-title" className="mt-10">
      <h2 id="recent-exports-title" className="mb-3 text-lg font-semibold">
        Your recent exports
      </h2>
      {exports.length === 0 ? (
        <p className="text-sm text-muted">You have not exported anything yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Your recent exports, newest first</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">When</th>
                <th scope="col" className="px-3 py-2 font-semibold">Campaign</th>
                <th scope="col" className="px-3 py-2 font-semibold">Preset</th>
                <th scope="col" className="px-3 py-2 font-semibold">Filters</th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">Rows</th>
                <th scope="col" className="px-3 py-2 font-semibold">Result</th>
              </tr>
            </thead>
            <tbody>
              {exports.map((e) => (
                <tr key={e.id} className="border-t border-slate-200">
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(e.at)}</td>
                  <td className="px-3 py-2">{e.campaignTitle ?? 'All campaigns'}</td>
                  <td className="px-3 py-2">{e.preset === 'crm' ? 'CRM' : e.preset === 'delivery' ? 'Delivery' : e.preset}</td>
                  <td className="px-3 py-2">{describeFilters(e.filters)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCount(e.rows)}</td>
                  <td className="px-3 py-2">{outcome(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
