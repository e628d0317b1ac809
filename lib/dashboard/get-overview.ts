import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/raw';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { getOutboxSummary } from '@/lib/email/get-outbox-summary';
import { AppError } from '@/lib/errors';
import { displayGoal } from '@/lib/petitions/display-goal';
import { getWhipCount } from '@/lib/senators/get-whip-count';

export const SPARK_DAYS = 14;

export type Figures = { today: number; week: number; total: number; daily: number[] };

export type ActivityItem = { kind: 'signature' | 'letter'; at: string; campaignTitle: string; state: string | null; name: string | null };

export type DashboardOverview = {
  /** Whose figures: the host's (everything) or one partner's referrals. */
  scope: { kind: 'host' } | { kind: 'partner'; name: string };
  signatures: Figures;
  letters: Figures;
  goal: { campaignTitle: string; count: number; goal: number } | null;
  whip: { yes: number; needed: number; treaty: string | null } | null;
  outbox: { queued: number; failed: number; overdue: number } | null;
  activity: ActivityItem[];
};

/**
 * The figures /dashboard opens on, for what the viewer may see: host staff everything, a partner
 * only what its `?ref=` links brought. Names in the activity list only for roles that see people;
 * everyone else gets aggregates (campaign, state, time). The whip count and outbox health come
 * from their own services, each with its own permission.
 */
export async function getDashboardOverview({ actor, now = new Date() }: { actor: StaffActor; now?: Date }): Promise<DashboardOverview> {
  assertCan(actor, 'dashboard:view');
  let scopeSql: SQL = sql`true`;
  let scope: DashboardOverview['scope'] = { kind: 'host' };
  if (actor.role === 'partner') {
    if (!actor.organisationId) throw new AppError('FORBIDDEN', 'Your account is not linked to an organisation.');
    scopeSql = sql`x.ref_organisation_id = ${actor.organisationId}::uuid`;
    const [org] = await queryRows<{ name: string }>(getDb(), sql`select name from organisations where id = ${actor.organisationId}::uuid`);
    scope = { kind: 'partner', name: org?.name ?? '' };
  }
  const db = getDb();
  const at = now.toISOString();
  const figures = async (table: 'signatures' | 'letters'): Promise<Figures> => {
    const t = sql.raw(table);
    const [row] = await queryRows<{ today: number; week: number; total: number; daily: number[] | string }>(
      db,
      sql`with d as (select generate_series(((${at}::timestamptz) at time zone 'UTC')::date - ${SPARK_DAYS - 1}::int,
                                            ((${at}::timestamptz) at time zone 'UTC')::date, interval '1 day')::date as day)
          select (select count(*)::int from ${t} x where ${scopeSql} and (x.created_at at time zone 'UTC')::date = ((${at}::timestamptz) at time zone 'UTC')::date) as today,
                 (select count(*)::int from ${t} x where ${scopeSql} and x.created_at > ${at}::timestamptz - interval '7 days') as week,
                 (select count(*)::int from ${t} x where ${scopeSql}) as total,
                 (select coalesce(json_agg(n order by day), '[]'::json) from (
                    select d.day, (select count(*)::int from ${t} x where ${scopeSql} and (x.created_at at time zone 'UTC')::date = d.day) as n from d) s) as daily`,
    );
    const daily = typeof row.daily === 'string' ? (JSON.parse(row.daily) as number[]) : row.daily;
    return { today: Number(row.today), week: Number(row.week), total: Number(row.total), daily: daily.map(Number) };
  };

  const showNames = can(actor.role, 'people:view');
  const [signatures, letters, goalRows, activity, whip, outbox] = await Promise.all([
    figures('signatures'),
    figures('letters'),
    actor.role === 'partner'
      ? Promise.resolve([])
      : queryRows<{ title: string; goal: number; auto: boolean; n: number }>(
          db,
          sql`select c.title, c.petition_goal as goal, c.goal_auto_step as auto, (select count(*)::int from signatures s where s.campaign_id = c.id) as n
              from campaigns c where c.status = 'live' and c.archived_at is null order by c.published_at desc nulls last limit 1`,
        ),
    queryRows<{ kind: 'signature' | 'letter'; at: string; title: string; state: string | null; name: string | null }>(
      db,
      sql`select * from (
            select 'signature' as kind, x.created_at::text as at, c.title, x.state,
                   ${showNames ? sql`btrim(x.first_name || ' ' || x.last_name)` : sql`null`} as name
            from signatures x join campaigns c on c.id = x.campaign_id where ${scopeSql}
            union all
            select 'letter', min(x.created_at)::text, c.title, min(x.state),
                   ${showNames ? sql`min(btrim(x.first_name || ' ' || x.last_name))` : sql`null`}
            from letters x join campaigns c on c.id = x.campaign_id where ${scopeSql} group by x.batch_id, c.title
          ) a order by at desc limit 8`,
    ),
    can(actor.role, 'campaigns:view') ? getWhipCount({ actor }) : Promise.resolve(null),
    can(actor.role, 'outbox:view') ? getOutboxSummary({ actor }) : Promise.resolve(null),
  ]);
  const g = goalRows[0];
  return {
    scope,
    signatures,
    letters,
    goal: g ? { campaignTitle: g.title, count: Number(g.n), goal: displayGoal(Number(g.n), Number(g.goal), g.auto) } : null,
    whip: whip ? { yes: whip.yes, needed: whip.needed, treaty: whip.treaty?.shortName ?? null } : null,
    outbox: outbox ? { queued: outbox.counts.queued, failed: outbox.counts.failed, overdue: outbox.overdue } : null,
    activity: activity.map((r) => ({ kind: r.kind, at: new Date(r.at).toISOString(), campaignTitle: r.title, state: r.state, name: r.name || null })),
  };
}
