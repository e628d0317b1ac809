import Link from 'next/link';
import { formatCount, formatDateTime } from '@/components/dashboard/data-table/format';
import { FigureCard } from '@/components/dashboard/overview/figure-card';
import { roleLabels, sectionsFor } from '@/components/dashboard/shell/sections';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { getDashboardOverview } from '@/lib/dashboard/get-overview';

/** Figures first (scoped to what the viewer may see), then the sections they can open. */
export default async function DashboardOverviewPage() {
  const user = await requireStaffPage('dashboard:view');
  const o = await getDashboardOverview({ actor: user });
  const sections = sectionsFor(user.role).filter((s) => s.href !== '/dashboard');
  const pct = o.goal ? Math.min(100, Math.round((o.goal.count / Math.max(1, o.goal.goal)) * 100)) : 0;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Overview</h1>
        <p className="mt-1 text-muted">
          Welcome{user.name ? `, ${user.name}` : ''} ({roleLabels[user.role].toLowerCase()}).{' '}
          {o.scope.kind === 'partner' ? `Figures for what ${o.scope.name}’s links brought in.` : 'Figures across every campaign.'}
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <FigureCard title={o.scope.kind === 'partner' ? 'Referred signatures' : 'Signatures'} figures={o.signatures} />
        <FigureCard title={o.scope.kind === 'partner' ? 'Referred letters' : 'Letters'} figures={o.letters} />
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        {o.goal && (
          <section aria-label="Progress to goal" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold">Progress to goal</h2>
            <p className="text-sm text-muted">{o.goal.campaignTitle}</p>
            <p className="mt-2 text-2xl font-bold">
              {formatCount(o.goal.count)} / {formatCount(o.goal.goal)}
            </p>
            <progress value={o.goal.count} max={o.goal.goal} className="mt-2 w-full" aria-label={`${pct} % of the goal`} />
          </section>
        )}
        {o.whip && (
          <section aria-label="Whip count" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold">Whip count</h2>
            {o.whip.treaty && <p className="text-sm text-muted">{o.whip.treaty}</p>}
            <p className="mt-2 text-2xl font-bold">
              {o.whip.yes} for / {o.whip.needed} needed
            </p>
          </section>
        )}
        {o.outbox && (
          <section aria-label="Outbox health" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold">Outbox</h2>
            <p className="mt-2">
              <span className="text-2xl font-bold">{formatCount(o.outbox.queued)}</span> queued
              {o.outbox.overdue > 0 && <span className="text-red-800"> ({formatCount(o.outbox.overdue)} overdue)</span>}
            </p>
            <p className={o.outbox.failed > 0 ? 'font-semibold text-red-800' : ''}>{formatCount(o.outbox.failed)} failed</p>
          </section>
        )}
      </div>
      <section aria-labelledby="activity-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="activity-heading" className="text-lg font-semibold">
          Recent activity
        </h2>
        {o.activity.length === 0 ? (
          <p className="text-muted">Nothing yet.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {o.activity.map((a, i) => (
              <li key={`${a.at}-${i}`}>
                {formatDateTime(a.at)}: {a.kind === 'signature' ? 'a signature' : 'letters'} on “{a.campaignTitle}”
                {a.name ? ` by ${a.name}` : ''}
                {a.state ? ` (${a.state})` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label="Sections">
        {sections.map((s) => (
          <li key={s.href} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold">
              <Link href={s.href} className="text-brand-700 underline-offset-2 hover:underline">
                {s.label}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-muted">{s.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
