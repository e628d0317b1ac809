import type { PublicSenator } from '@/lib/senators/get-public-senate';
import { PUBLIC_STANCE_LABELS, type PublicStance } from '@/lib/senators/public-stance';

// The order seats are filled from left to right, and each stance's colour. Every dot has a dark
// outline, so light colours stay visible on white; the table after the chart carries every fact.
const ORDER: PublicStance[] = ['champion', 'supports', 'leaning_yes', 'undecided', 'not_public', 'unknown', 'leaning_no', 'opposes'];
export const STANCE_FILL: Record<PublicStance, string> = {
  champion: '#14532d',
  supports: '#16a34a',
  leaning_yes: '#86efac',
  undecided: '#facc15',
  not_public: '#e2e8f0',
  unknown: '#e2e8f0',
  leaning_no: '#fca5a5',
  opposes: '#b91c1c',
};

const W = 600;
const H = 320;
const ROWS = 5;

/** Seat centres of a hemicycle: rows of growing radius, seats per row in proportion, sorted left to right. */
function seatPositions(n: number): { x: number; y: number }[] {
  const r0 = 120;
  const step = 34;
  const radii = Array.from({ length: ROWS }, (_, i) => r0 + i * step);
  const total = radii.reduce((a, b) => a + b, 0);
  const counts = radii.map((r) => Math.floor((n * r) / total));
  for (let i = ROWS - 1; counts.reduce((a, b) => a + b, 0) < n; i = (i + ROWS - 1) % ROWS) counts[i]++;
  const seats: { x: number; y: number; a: number }[] = [];
  radii.forEach((r, i) => {
    const k = counts[i];
    for (let j = 0; j < k; j++) {
      const a = Math.PI - (k === 1 ? Math.PI / 2 : (j * Math.PI) / (k - 1));
      seats.push({ x: W / 2 + r * Math.cos(a), y: H - 20 - r * Math.sin(a), a });
    }
  });
  return seats.sort((p, q) => q.a - p.a).map(({ x, y }) => ({ x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 }));
}

/**
 * The Senate as a seat chart coloured by public stance, drawn on the server (no client JS). One
 * image for assistive technology, named by its summary; the table that follows is the accessible
 * alternative with every senator, stance, source and date.
 */
export function SenateSeatChart({ senators, vacant, summary }: { senators: PublicSenator[]; vacant: number; summary: string }) {
  const sorted = [...senators].sort((a, b) => ORDER.indexOf(a.stance) - ORDER.indexOf(b.stance) || a.state.localeCompare(b.state));
  const seats = seatPositions(sorted.length + vacant);
  const counts = new Map<PublicStance, number>();
  for (const s of senators) counts.set(s.stance, (counts.get(s.stance) ?? 0) + 1);
  return (
    <figure className="space-y-3">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="seat-chart-title" className="h-auto w-full max-w-2xl" data-testid="senate-seat-chart">
        <title id="seat-chart-title">{summary}</title>
        {sorted.map((s, i) => (
          <circle key={s.id} cx={seats[i].x} cy={seats[i].y} r={11} fill={STANCE_FILL[s.stance]} stroke="#1e293b" strokeWidth={1.2} data-stance={s.stance}>
            <title>{`${s.name} (${s.party.charAt(0)}-${s.state}): ${PUBLIC_STANCE_LABELS[s.stance]}`}</title>
          </circle>
        ))}
        {Array.from({ length: vacant }, (_, i) => {
          const p = seats[sorted.length + i];
          return (
            <circle key={`vacant-${i}`} cx={p.x} cy={p.y} r={11} fill="#ffffff" stroke="#1e293b" strokeWidth={1.2} strokeDasharray="3 2" data-stance="vacant">
              <title>Vacant seat</title>
            </circle>
          );
        })}
      </svg>
      <figcaption>
        <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm" aria-label="Seat chart legend">
          {ORDER.filter((s) => counts.get(s)).map((s) => (
            <li key={s} className="flex items-center gap-2">
              <span aria-hidden="true" className="inline-block h-4 w-4 rounded-full border border-slate-800" style={{ background: STANCE_FILL[s] }} />
              {PUBLIC_STANCE_LABELS[s]}: {counts.get(s)}
            </li>
          ))}
          {vacant > 0 && (
            <li className="flex items-center gap-2">
              <span aria-hidden="true" className="inline-block h-4 w-4 rounded-full border border-dashed border-slate-800 bg-white" />
              Vacant: {vacant}
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}
