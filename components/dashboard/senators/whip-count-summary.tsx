import type { WhipCount } from '@/lib/senators/get-whip-count';
import { STANCE_LABELS } from '@/lib/senators/stance-labels';

const yesStances = ['champion', 'supports', 'leaning_yes'] as const;
const otherStances = ['undecided', 'leaning_no', 'opposes', 'unknown'] as const;

/** Yes votes (champion + supports + leaning yes) against the 67 consent needs, and every stance's total. */
export function WhipCountSummary({ whip }: { whip: WhipCount }) {
  const { yes, needed, totals } = whip;
  const pct = Math.min(100, Math.round((yes / needed) * 100));
  const short = Math.max(0, needed - yes);
  return (
    <section aria-labelledby="whip-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="whip-heading" className="text-lg font-semibold">
        Whip count{whip.treaty ? `: ${whip.treaty.shortName}` : ''}
      </h2>
      <p className="text-lg">
        <span className="text-3xl font-bold">{yes}</span> of {needed} votes needed for consent
        <span className="block text-sm text-muted">
          {short > 0 ? `${short} more needed.` : 'Enough yes votes, if all hold.'} Counted as yes: champion, supports, leaning yes.
        </span>
      </p>
      <div
        role="progressbar"
        aria-label="Yes votes toward the 67 needed"
        aria-valuemin={0}
        aria-valuemax={needed}
        aria-valuenow={Math.min(yes, needed)}
        aria-valuetext={`${yes} of ${needed} votes`}
        className="relative h-4 w-full overflow-hidden rounded-full border border-slate-500 bg-slate-100"
      >
        <div className="h-full bg-green-700" style={{ width: `${pct}%` }} />
      </div>
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4 lg:grid-cols-7">
        {[...yesStances, ...otherStances].map((s) => (
          <div key={s} className={`rounded-md border p-2 ${(yesStances as readonly string[]).includes(s) ? 'border-green-700 bg-green-50' : 'border-slate-200'}`}>
            <dt className="text-muted">{STANCE_LABELS[s]}</dt>
            <dd className="text-xl font-semibold tabular-nums">{totals[s]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
