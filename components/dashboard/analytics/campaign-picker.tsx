import type { AnalyticsCampaignOption } from '@/lib/analytics/list-analytics-campaigns';

const control = 'mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm';

/** GET form: the view is a URL, works without JS. */
export function CampaignPicker({
  campaigns,
  campaign,
  from,
  to,
}: {
  campaigns: AnalyticsCampaignOption[];
  campaign: string;
  from: string;
  to: string;
}) {
  return (
    <form method="get" action="/dashboard/analytics" aria-label="Choose campaign and dates" className="mb-8 flex flex-wrap items-end gap-4 rounded-md border border-slate-200 bg-white p-4">
      <div className="min-w-64">
        <label htmlFor="analytics-campaign" className="block text-sm font-medium">
          Campaign
        </label>
        <select id="analytics-campaign" name="campaign" defaultValue={campaign} className={control}>
          {campaigns.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.title}
              {c.status === 'live' ? '' : ` (${c.status})`}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="analytics-from" className="block text-sm font-medium">
          From
        </label>
        <input id="analytics-from" name="from" type="date" defaultValue={from} className={control} aria-describedby="analytics-dates-hint" />
      </div>
      <div>
        <label htmlFor="analytics-to" className="block text-sm font-medium">
          Until
        </label>
        <input id="analytics-to" name="to" type="date" defaultValue={to} className={control} aria-describedby="analytics-dates-hint" />
      </div>
      <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800">
        Show
      </button>
      <p id="analytics-dates-hint" className="w-full text-xs text-muted">
        Days are in UTC; up to a year at a time.
      </p>
    </form>
  );
}
