import { formatCount } from '@/components/dashboard/data-table/format';
import type { CampaignAnalytics } from '@/lib/analytics/get-campaign-analytics';

function pct(r: number | null): string {
  if (r === null) return '—';
  if (r > 0 && r < 0.001) return '< 0.1 %';
  return `${(r * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })} %`;
}

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white p-4">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tabular-nums">{value}</dd>
      {detail && <dd className="mt-1 text-sm text-muted">{detail}</dd>}
    </div>
  );
}

export function SummaryStats({ a }: { a: CampaignAnalytics }) {
  const { totals, rates, progress, period } = a;
  const barWidth = Math.min(100, Math.round((progress.count / Math.max(1, progress.shownGoal)) * 100));
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title" className="sr-only">
        Summary
      </h2>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Signatures" value={formatCount(totals.signatures)} detail={`${formatCount(period.signatures)} in the period shown`} />
        <Stat label="Verification rate" value={pct(rates.verification)} detail={`${formatCount(totals.verified)} confirmed their email`} />
        <Stat label="Opt-in rate" value={pct(rates.optIn)} detail={`${formatCount(totals.optedIn)} asked for updates`} />
        <Stat label="Letters" value={formatCount(totals.letters)} detail={`${formatCount(totals.lettersSent)} sent`} />
        <Stat label="Page views" value={formatCount(totals.views)} detail={`${formatCount(period.views)} in the period shown`} />
        <Stat label="Conversion" value={pct(period.conversion)} detail="Signatures per page view, in the period shown" />
      </dl>
      <div className="mt-6 rounded-md border border-slate-200 bg-white p-4">
        <h3 className="text-base font-semibold">Progress to goal</h3>
        <p className="mt-1 text-sm">
          {formatCount(progress.count)} of the {formatCount(progress.goal)} signature goal ({pct(progress.percentOfGoal)})
          {progress.shownGoal !== progress.goal && <>; the public page now shows a goal of {formatCount(progress.shownGoal)}</>}.
        </p>
        <div aria-hidden="true" className="mt-3 h-3 w-full overflow-hidden rounded-full border border-slate-400 bg-slate-100">
          <div className="h-full bg-brand-700" style={{ width: `${barWidth}%` }} />
        </div>
      </div>
    </section>
  );
}

export function TopSources({ sources }: { sources: CampaignAnalytics['topSources'] }) {
  return (
    <section aria-labelledby="sources-title" className="rounded-md border border-slate-200 bg-white p-4">
      <h2 id="sources-title" className="mb-3 text-lg font-semibold">
        Top sources
      </h2>
      {sources.length === 0 ? (
        <p className="text-sm text-muted">No signatures yet.</p>
      ) : (
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">Signatures by source, most first</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-3 font-semibold">Source</th>
              <th scope="col" className="py-1 pr-3 text-right font-semibold">Signatures</th>
              <th scope="col" className="py-1 text-right font-semibold">Share</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.source} className="border-t border-slate-200">
                <th scope="row" className="py-1 pr-3 font-normal">{s.source}</th>
                <td className="py-1 pr-3 text-right tabular-nums">{formatCount(s.count)}</td>
                <td className="py-1 text-right tabular-nums">{pct(s.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
