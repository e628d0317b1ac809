import { formatDay } from '@/components/campaign/stage-copy';
import type { PublicSenator } from '@/lib/senators/get-public-senate';
import { PUBLIC_STANCE_LABELS } from '@/lib/senators/public-stance';

/** Every senator's public position with its source and date: the seat chart's accessible alternative. */
export function PublicSenateTable({ id, senators }: { id: string; senators: PublicSenator[] }) {
  return (
    <div id={id} role="region" aria-labelledby={`${id}-caption`} tabIndex={0} className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption id={`${id}-caption`} className="px-3 py-2 text-left text-lg font-semibold">
          Every senator’s public position, by state
        </caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2">Senator</th>
            <th scope="col" className="px-3 py-2">State</th>
            <th scope="col" className="px-3 py-2">Party</th>
            <th scope="col" className="px-3 py-2">Position</th>
            <th scope="col" className="px-3 py-2">Since</th>
            <th scope="col" className="px-3 py-2">Source</th>
          </tr>
        </thead>
        <tbody>
          {senators.map((s) => (
            <tr key={s.id} className="border-t border-slate-200">
              <th scope="row" className="px-3 py-1 font-normal">
                {s.name}
                {s.committee.member && <span className="block text-xs text-muted">Foreign Relations Committee</span>}
              </th>
              <td className="px-3 py-1">{s.stateName}</td>
              <td className="px-3 py-1">{s.party}</td>
              <td className="px-3 py-1 font-medium">{PUBLIC_STANCE_LABELS[s.stance]}</td>
              <td className="px-3 py-1">{s.statedOn ? formatDay(s.statedOn) : '—'}</td>
              <td className="px-3 py-1">
                {s.sourceUrl ? (
                  <a href={s.sourceUrl} rel="noopener noreferrer nofollow" className="text-brand-700 underline">
                    Source<span className="sr-only"> for {s.name}’s position</span>
                  </a>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
