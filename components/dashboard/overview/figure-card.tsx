import { formatCount } from '@/components/dashboard/data-table/format';
import { Sparkline } from '@/components/dashboard/sparkline';
import type { Figures } from '@/lib/dashboard/get-overview';

/** Today / 7 days / total with a 14-day sparkline. */
export function FigureCard({ title, figures }: { title: string; figures: Figures }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-lg font-semibold">{title}</h2>
      <dl className="mt-2 grid grid-cols-3 gap-2">
        <div>
          <dt className="text-sm text-muted">Today</dt>
          <dd className="text-2xl font-bold">{formatCount(figures.today)}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">7 days</dt>
          <dd className="text-2xl font-bold">{formatCount(figures.week)}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Total</dt>
          <dd className="text-2xl font-bold">{formatCount(figures.total)}</dd>
        </div>
      </dl>
      <div className="mt-3">
        <Sparkline values={figures.daily} label={`${title} per day, last ${figures.daily.length} days: ${figures.daily.join(', ')}`} width={240} />
      </div>
    </section>
  );
}
