import { PartnerBreakdown } from '@/components/dashboard/analytics/partner-breakdown';
import { getPartnerBreakdown } from '@/lib/analytics/get-partner-breakdown';
import type { Metadata } from 'next';
import { CampaignPicker } from '@/components/dashboard/analytics/campaign-picker';
import { ActivityChart, ViewsChart } from '@/components/dashboard/analytics/daily-charts';
import { DailyTable } from '@/components/dashboard/analytics/daily-table';
import { StateMap, StateTable } from '@/components/dashboard/analytics/state-map';
import { SummaryStats, TopSources } from '@/components/dashboard/analytics/summary-stats';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { getCampaignAnalytics, type CampaignAnalytics } from '@/lib/analytics/get-campaign-analytics';
import { listAnalyticsCampaigns } from '@/lib/analytics/list-analytics-campaigns';
import { isAppError } from '@/lib/errors';

export const metadata: Metadata = { title: 'Analytics' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Aggregates for every staff role (viewers included): counts and rates, never a name or email. */
export default async function AnalyticsPage({ searchParams }: Props) {
  const actor = await requireStaffPage('analytics:view');
  const params = await searchParams;
  const input = { campaign: first(params.campaign), from: first(params.from), to: first(params.to) };
  const campaigns = await listAnalyticsCampaigns({ actor });
  if (campaigns.length === 0) {
    return (
      <div>
        <h1 className="mb-4 text-2xl font-bold">Analytics</h1>
        <p>There are no campaigns yet.</p>
      </div>
    );
  }

  let a: CampaignAnalytics;
  let notice: string | null = null;
  try {
    a = await getCampaignAnalytics({ actor, input });
  } catch (e) {
    if (!isAppError(e) || (e.code !== 'VALIDATION' && e.code !== 'NOT_FOUND')) throw e;
    // A hand-edited URL still gets a page: say what was wrong and show the default view.
    notice = e.code === 'NOT_FOUND' ? 'That campaign was not found; showing the newest live campaign.' : 'Those dates could not be used; showing the last 90 days.';
    a = await getCampaignAnalytics({ actor, input: e.code === 'NOT_FOUND' ? {} : { campaign: input.campaign } });
  }

  const partnerRows = await getPartnerBreakdown({ actor });
  return (
    <div>
      <h1 className="mb-1 text-2xl font-bold">Analytics</h1>
      <p className="mb-6 text-muted">
        {a.campaign.title}: {a.range.from} to {a.range.to} (UTC)
      </p>
      {notice && (
        <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          {notice}
        </p>
      )}
      <CampaignPicker campaigns={campaigns} campaign={a.campaign.slug} from={a.range.from} to={a.range.to} />
      <SummaryStats a={a} />

      <section aria-labelledby="activity-title" className="mt-8 rounded-md border border-slate-200 bg-white p-4">
        <h2 id="activity-title" className="mb-1 text-lg font-semibold">
          Signatures and letters per day
        </h2>
        <p className="mb-3 text-sm text-muted">Signatures: solid line. Letters: dashed line.</p>
        <ActivityChart data={a.daily} />
        <DailyTable id="activity-table" daily={a.daily} columns={['signatures', 'letters']} />
      </section>

      <section aria-labelledby="views-title" className="mt-8 rounded-md border border-slate-200 bg-white p-4">
        <h2 id="views-title" className="mb-3 text-lg font-semibold">
          Campaign page views per day
        </h2>
        <ViewsChart data={a.daily} />
        <DailyTable id="views-table" daily={a.daily} columns={['views', 'signatures']} />
      </section>

      <section aria-labelledby="states-title" className="mt-8 rounded-md border border-slate-200 bg-white p-4">
        <h2 id="states-title" className="mb-3 text-lg font-semibold">
          Signers by state
        </h2>
        <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
          <StateMap byState={a.byState} unknownState={a.unknownState} />
          <StateTable byState={a.byState} />
        </div>
      </section>

      <div className="mt-8">
        <TopSources sources={a.topSources} />
      </div>

      <PartnerBreakdown rows={partnerRows} />
    </div>
  );
}
