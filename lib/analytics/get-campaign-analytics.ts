import 'server-only';
import { desc, eq, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/raw';
import { campaigns } from '@/db/schema';
import { AppError, validationError } from '@/lib/errors';
import { US_STATES } from '@/lib/geo/us-states';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { displayGoal } from '@/lib/petitions/display-goal';
import { DEFAULT_RANGE_DAYS, GetCampaignAnalyticsInput, MAX_RANGE_DAYS } from './schemas';

export type DailyPoint = { day: string; signatures: number; letters: number; views: number };

/** Aggregates only: no names, emails or anything else about one person. */
export type CampaignAnalytics = {
  campaign: { id: string; slug: string; title: string; status: string };
  range: { from: string; to: string; days: number };
  /** Whole campaign, all time. */
  totals: { signatures: number; verified: number; optedIn: number; letters: number; lettersSent: number; views: number };
  /** Shares of all signatures (0–1), or null when there are none. */
  rates: { verification: number | null; optIn: number | null };
  progress: { count: number; goal: number; shownGoal: number; percentOfGoal: number };
  /** One entry per day of the range, zeros included. */
  daily: DailyPoint[];
  /** Within the range: signatures ÷ page views, null without views. */
  period: { signatures: number; letters: number; views: number; conversion: number | null };
  /** Every state and territory (zeros included), then signatures with no state. */
  byState: { code: string; name: string; count: number }[];
  unknownState: number;
  topSources: { source: string; count: number; share: number }[];
};

const DAY_MS = 86_400_000;
const MIN_DEFAULT_DAYS = 14;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function findCampaign(ref: string | undefined) {
  const db = getDb();
  const cols = {
    id: campaigns.id,
    slug: campaigns.slug,
    title: campaigns.title,
    status: campaigns.status,
    petitionGoal: campaigns.petitionGoal,
    goalAutoStep: campaigns.goalAutoStep,
    createdAt: campaigns.createdAt,
  };
  if (ref) {
    const match = UUID.test(ref) ? or(eq(campaigns.id, ref), eq(campaigns.slug, ref)) : eq(campaigns.slug, ref);
    const [row] = await db.select(cols).from(campaigns).where(match);
    return row;
  }
  // Live campaigns first, newest first.
  const [row] = await db
    .select(cols)
    .from(campaigns)
    .orderBy(sql`(${campaigns.status} = 'live') desc`, desc(campaigns.createdAt))
    .limit(1);
  return row;
}

/** The numbers behind /dashboard/analytics, for any staff member with `analytics:view`. */
export async function getCampaignAnalytics({
  actor,
  input,
  today = new Date(),
}: {
  actor: StaffActor;
  input: GetCampaignAnalyticsInput;
  today?: Date;
}): Promise<CampaignAnalytics> {
  assertCan(actor, 'analytics:view');
  const parsed = GetCampaignAnalyticsInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const campaign = await findCampaign(parsed.data.campaign);
  if (!campaign) throw new AppError('NOT_FOUND', 'That campaign does not exist.');

  const to = parsed.data.to ?? isoDay(today);
  const earliest = addDays(to, -(MAX_RANGE_DAYS - 1));
  // By default: the last 90 days, but not from before the campaign existed (at least two weeks,
  // so a new campaign still gets a chart with a shape).
  const created = [isoDay(campaign.createdAt), addDays(to, -(MIN_DEFAULT_DAYS - 1))].sort()[0];
  let from = parsed.data.from ?? [addDays(to, -(DEFAULT_RANGE_DAYS - 1)), created].sort().at(-1)!;
  if (from < earliest) from = earliest;
  if (from > to) from = to;
  const end = addDays(to, 1);
  const id = campaign.id;
  const db = getDb();

  const [daily, [totals], [letterTotals], [viewTotals], states, sources] = await Promise.all([
    queryRows<DailyPoint>(
      db,
      sql`with days as (
            select d::date as day from generate_series(${from}::date, ${to}::date, interval '1 day') d
          ), s as (
            select (created_at at time zone 'UTC')::date as day, count(*)::int as n from signatures
            where campaign_id = ${id} and created_at >= ${from}::date at time zone 'UTC' and created_at < ${end}::date at time zone 'UTC'
            group by 1
          ), l as (
            select (created_at at time zone 'UTC')::date as day, count(*)::int as n from letters
            where campaign_id = ${id} and created_at >= ${from}::date at time zone 'UTC' and created_at < ${end}::date at time zone 'UTC'
            group by 1
          ), v as (
            select day, sum(views)::int as n from page_views
            where campaign_id = ${id} and day between ${from}::date and ${to}::date
            group by 1
          )
          select to_char(days.day, 'YYYY-MM-DD') as day, coalesce(s.n, 0) as signatures,
                 coalesce(l.n, 0) as letters, coalesce(v.n, 0) as views
          from days left join s on s.day = days.day left join l on l.day = days.day left join v on v.day = days.day
          order by days.day`,
    ),
    queryRows<{ total: number; verified: number; opted_in: number }>(
      db,
      sql`select count(*)::int as total, count(verified_at)::int as verified,
                 (count(*) filter (where opted_in))::int as opted_in
          from signatures where campaign_id = ${id}`,
    ),
    queryRows<{ total: number; sent: number }>(
      db,
      sql`select count(*)::int as total, (count(*) filter (where status = 'sent'))::int as sent
          from letters where campaign_id = ${id}`,
    ),
    queryRows<{ views: number }>(db, sql`select coalesce(sum(views), 0)::int as views from page_views where campaign_id = ${id}`),
    queryRows<{ state: string | null; n: number }>(
      db,
      sql`select state, count(*)::int as n from signatures where campaign_id = ${id} group by state`,
    ),
    queryRows<{ source: string; n: number }>(
      db,
      sql`select coalesce(nullif(source, ''), '(direct)') as source, count(*)::int as n
          from signatures where campaign_id = ${id} group by 1 order by 2 desc, 1 limit 10`,
    ),
  ]);

  const total = Number(totals.total);
  const byCode = new Map(states.filter((s) => s.state).map((s) => [s.state!, Number(s.n)]));
  const known = new Set(US_STATES.map((s) => s.code));
  const unknownState = states.filter((s) => !s.state || !known.has(s.state)).reduce((a, s) => a + Number(s.n), 0);
  const points = daily.map((d) => ({ day: d.day, signatures: Number(d.signatures), letters: Number(d.letters), views: Number(d.views) }));
  const sum = (k: 'signatures' | 'letters' | 'views') => points.reduce((a, p) => a + p[k], 0);
  const period = { signatures: sum('signatures'), letters: sum('letters'), views: sum('views') };

  return {
    campaign: { id, slug: campaign.slug, title: campaign.title, status: campaign.status },
    range: { from, to, days: points.length },
    totals: {
      signatures: total,
      verified: Number(totals.verified),
      optedIn: Number(totals.opted_in),
      letters: Number(letterTotals.total),
      lettersSent: Number(letterTotals.sent),
      views: Number(viewTotals.views),
    },
    rates: { verification: ratio(Number(totals.verified), total), optIn: ratio(Number(totals.opted_in), total) },
    progress: {
      count: total,
      goal: campaign.petitionGoal,
      shownGoal: displayGoal(total, campaign.petitionGoal, campaign.goalAutoStep),
      percentOfGoal: campaign.petitionGoal > 0 ? total / campaign.petitionGoal : 0,
    },
    daily: points,
    period: { ...period, conversion: ratio(period.signatures, period.views) },
    byState: US_STATES.map((s) => ({ code: s.code, name: s.name, count: byCode.get(s.code) ?? 0 })),
    unknownState,
    topSources: sources.map((s) => ({ source: s.source, count: Number(s.n), share: total > 0 ? Number(s.n) / total : 0 })),
  };
}
