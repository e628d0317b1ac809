import { displayGoal } from '@/lib/petitions/display-goal';

const fmt = (n: number) => n.toLocaleString('en-US');

/** Count, goal and a labelled progress bar. The shown goal steps up once reached (display only). */
export function PetitionProgress({
  count,
  goal,
  autoStep,
  label = 'Signatures toward the petition goal',
}: {
  count: number;
  goal: number;
  autoStep: boolean;
  label?: string;
}) {
  const shownGoal = displayGoal(count, goal, autoStep);
  const pct = Math.min(100, Math.round((count / shownGoal) * 100));
  return (
    <div>
      <p className="text-lg">
        <span className="text-3xl font-bold text-ink">{fmt(count)}</span>{' '}
        {count === 1 ? 'signature' : 'signatures'}
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={shownGoal}
        aria-valuenow={Math.min(count, shownGoal)}
        aria-valuetext={`${fmt(count)} of ${fmt(shownGoal)} signatures`}
        className="mt-2 h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-1 text-sm text-muted">
        {shownGoal > goal ? 'We passed our first goal! Next goal: ' : 'Goal: '}
        {fmt(shownGoal)} signatures
      </p>
    </div>
  );
}
