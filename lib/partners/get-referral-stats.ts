import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/raw';
import type { StaffActor } from '@/lib/auth/actor';
import { validationError } from '@/lib/errors';
import { activeConsentWhere } from './opted-in-query';
import { ReferralStatsInput } from './schemas';
import { resolveOrganisationScope, type OrganisationScope } from './scope';

export type ReferralDay = { day: string; signatures: number; letters: number };

export type ReferralStats = {
  organisation: OrganisationScope;
  days: number;
  /** One entry per day of the window, oldest first (zero days included, for the chart). */
  daily: ReferralDay[];
  totals: { signatures: number; letters: number; optIns: number };
  /** All signatures and letters in the same campaigns, for the organisation's share. */
  campaignTotals: { signatures: number; letters: number };
  sources: { source: string; signatures: number }[];
  /** The campaign pages it can share, with its ref link. */
  campaigns: { slug: string; title: string; signatures: number }[];
};

/**
 * What one organisation brought in (aggregates only, no people): signatures and letters referred
 * by its `?ref=` links per day, its share of the campaigns' totals, its sources, its standing
 * opt-ins. A partner gets its own, whatever it asks for (resolveOrganisationScope).
 */
export async function getReferralStats({ actor, input }: { actor: StaffActor; input: ReferralStatsInput }): Promise<ReferralStats> {
  const parsed = ReferralStatsInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const organisation = await resolveOrganisationScope(actor, 'referrals:view', parsed.data.organisationId);
  const { days } = parsed.data;
  const org = organisation.id;
  const db = getDb();
  const [daily, [totals], [campaignTotals], sources, campaigns] = await Promise.all([
    queryRows<{ day: string; signatures: number; letters: number }>(
      db,
      sql`with d as (select generate_series((now() at time zone 'UTC')::date - (${days}::int - 1), (now() at time zone 'UTC')::date, interval '1 day')::date as day)
          select to_char(d.day, 'YYYY-MM-DD') as day,
                 (select count(*)::int from signatures s where s.ref_organisation_id = ${org}::uuid and (s.created_at at time zone 'UTC')::date = d.day) as signatures,
                 (select count(distinct l.batch_id)::int from letters l where l.ref_organisation_id = ${org}::uuid and (l.created_at at time zone 'UTC')::date = d.day) as letters
          from d order by d.day`,
    ),
    queryRows<{ signatures: number; letters: number; opt_ins: number }>(
      db,
      sql`select (select count(*)::int from signatures where ref_organisation_id = ${org}::uuid) as signatures,
                 (select count(*)::int from letters where ref_organisation_id = ${org}::uuid) as letters,
                 (select count(*)::int from consents c join supporters p on p.id = c.supporter_id where ${activeConsentWhere(org)}) as opt_ins`,
    ),
    queryRows<{ signatures: number; letters: number }>(
      db,
      sql`with cs as (select distinct campaign_id from signatures where ref_organisation_id = ${org}::uuid
                      union select distinct campaign_id from letters where ref_organisation_id = ${org}::uuid
                      union select campaign_id from campaign_sponsors where organisation_id = ${org}::uuid)
          select (select count(*)::int from signatures where campaign_id in (select campaign_id from cs)) as signatures,
                 (select count(*)::int from letters where campaign_id in (select campaign_id from cs)) as letters`,
    ),
    queryRows<{ source: string; signatures: number }>(
      db,
      sql`select coalesce(source, '(none)') as source, count(*)::int as signatures from signatures
          where ref_organisation_id = ${org}::uuid group by 1 order by 2 desc, 1 limit 10`,
    ),
    queryRows<{ slug: string; title: string; signatures: number }>(
      db,
      sql`select c.slug, c.title, (select count(*)::int from signatures s where s.campaign_id = c.id and s.ref_organisation_id = ${org}::uuid) as signatures
          from campaigns c where c.status = 'live' and c.archived_at is null
          order by exists (select 1 from campaign_sponsors cs where cs.campaign_id = c.id and cs.organisation_id = ${org}::uuid) desc, c.title`,
    ),
  ]);
  const num = (v: unknown) => Number(v ?? 0);
  return {
    organisation,
    days,
    daily: daily.map((d) => ({ day: d.day, signatures: num(d.signatures), letters: num(d.letters) })),
    totals: { signatures: num(totals?.signatures), letters: num(totals?.letters), optIns: num(totals?.opt_ins) },
    campaignTotals: { signatures: num(campaignTotals?.signatures), letters: num(campaignTotals?.letters) },
    sources: sources.map((s) => ({ source: s.source, signatures: num(s.signatures) })),
    campaigns: campaigns.map((c) => ({ slug: c.slug, title: c.title, signatures: num(c.signatures) })),
  };
}
