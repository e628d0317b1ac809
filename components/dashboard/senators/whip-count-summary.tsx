import type { WhipCount } from '@/lib/senators/get-whip-count';
import { arithmeticExplained, arithmeticHeadline } from '@/lib/senators/senate-arithmetic';
import { STANCE_LABELS } from '@/lib/senators/stance-labels';

const yesStances = ['champion', 'supports', 'leaning_yes'] as const;
const otherStances = ['undecided', 'leaning_no', 'opposes', 'unknown'] as const;

/**
 * Yes votes (champion + supports + leaning yes, among senators expected present) against two-thirds
 * of the senators present, with the arithmetic in words, vacancies, and every stance's total.
 */
export function WhipCountSummary({ whip }: { whip: WhipCount }) {
  const { yes, needed, totals, arithmetic, vacancies } = whip;
  const pct = needed ? Math.min(100, Math.round((yes / needed) * 100)) : 0;
  const short = Math.max(0, needed - yes);
  return (
    <section aria-labelledby="whip-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="whip-heading" className="text-lg font-semibold">
        Whip count{whip.treaty ? `: ${whip.treaty.shortName}` : ''}
      </h2>
      <p className="text-xl font-semibold">{arithmeticHeadline(arithmetic)}</p>
      <p className="text-sm text-muted">{arithmeticExplained(arithmetic)}</p>
      {vacancies.length > 0 && (
        <p className="text-sm">
          Vacant: {vacancies.map((v) => `${v.stateName}${v.vacant > 1 ? ` (${v.vacant} seats)` : ''}`).join(', ')}.
        </p>
      )}
      <p className="text-lg">
        <span className="text-3xl font-bold">{yes}</span> of {needed} votes needed for consent
        <span className="block text-sm text-muted">
          {short > 0 ? `${short} more needed.` : 'Enough yes votes, if all hold.'} Counted as yes: champion, supports, leaning yes (senators
          expected absent are not counted).
        </span>
      </p>
      <div
        role="progressbar"
        aria-label={`Yes votes toward the ${needed} needed`}
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
