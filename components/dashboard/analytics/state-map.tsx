import { formatCount } from '@/components/dashboard/data-table/format';
import { fillFor, mapBins, ZERO_FILL } from '@/lib/analytics/map-scale';
import { getStatePaths, MAP_HEIGHT, MAP_WIDTH } from '@/lib/analytics/us-map';

type StateCount = { code: string; name: string; count: number };

/**
 * Signers by state, drawn on the server: plain SVG, no client JavaScript. The picture is one
 * image for assistive technology (the table after it carries every number); each state keeps a
 * <title> for pointer users.
 */
export function StateMap({ byState, unknownState }: { byState: StateCount[]; unknownState: number }) {
  const counts = new Map(byState.map((s) => [s.code, s.count]));
  const bins = mapBins(Math.max(0, ...byState.map((s) => s.count)));
  const paths = getStatePaths();
  const plural = (n: number) => `${formatCount(n)} signer${n === 1 ? '' : 's'}`;

  return (
    <div>
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="img"
        aria-labelledby="state-map-title"
        className="h-auto w-full max-w-3xl"
        data-testid="state-map"
      >
        <title id="state-map-title">Map of signers by state; the table below lists each state&apos;s count.</title>
        <g stroke="#475569" strokeWidth={0.6} strokeLinejoin="round">
          {paths.map((p) => {
            const n = counts.get(p.code) ?? 0;
            return (
              <path key={p.code} d={p.d} fill={fillFor(n, bins)} data-state={p.code} data-count={n}>
                <title>{`${p.name}: ${plural(n)}`}</title>
              </path>
            );
          })}
        </g>
      </svg>
      <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-2 text-sm" aria-label="Map legend: signers per state">
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-4 w-6 rounded-sm border border-slate-500" style={{ background: ZERO_FILL }} />
          None
        </li>
        {bins.map((b) => (
          <li key={b.min} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-4 w-6 rounded-sm border border-slate-500" style={{ background: b.fill }} />
            {b.label}
          </li>
        ))}
      </ul>
      {unknownState > 0 && <p className="mt-2 text-sm text-muted">{plural(unknownState)} gave no US state.</p>}
    </div>
  );
}

export function StateTable({ byState }: { byState: StateCount[] }) {
  const rows = [...byState].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return (
    <div className="max-h-[28rem] overflow-auto rounded-md border border-slate-200" tabIndex={0} role="region" aria-labelledby="state-table-caption">
      <table className="min-w-full text-left text-sm">
        <caption id="state-table-caption" className="px-3 py-2 text-left font-semibold">
          Signers by state, most first
        </caption>
        <thead className="sticky top-0 bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">State</th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">Signers</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.code} className="border-t border-slate-200">
              <th scope="row" className="px-3 py-1 font-normal">
                {s.name} ({s.code})
              </th>
              <td className="px-3 py-1 text-right tabular-nums">{formatCount(s.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
