import { formatCount } from '@/components/dashboard/data-table/format';
import type { DailyPoint } from '@/lib/analytics/get-campaign-analytics';

/** The numbers behind the charts, for screen readers and anyone who prefers a table. */
export function DailyTable({ id, daily, columns }: { id: string; daily: DailyPoint[]; columns: ('signatures' | 'letters' | 'views')[] }) {
  const labels = { signatures: 'Signatures', letters: 'Letters', views: 'Page views' };
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm font-medium text-brand-700 underline">Show the numbers as a table</summary>
      <div className="mt-2 max-h-80 overflow-auto rounded-md border border-slate-200" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
        <table className="min-w-full text-left text-sm">
          <caption id={`${id}-caption`} className="sr-only">
            {columns.map((c) => labels[c]).join(' and ')} per day (UTC)
          </caption>
          <thead className="sticky top-0 bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">Day</th>
              {columns.map((c) => (
                <th key={c} scope="col" className="px-3 py-2 text-right font-semibold">
                  {labels[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {daily.map((d) => (
              <tr key={d.day} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-1 font-normal">{d.day}</th>
                {columns.map((c) => (
                  <td key={c} className="px-3 py-1 text-right tabular-nums">
                    {formatCount(d[c])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
