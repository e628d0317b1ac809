import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/raw';
import type { LetterStatus } from '@/db/schema/enum-values';
import { AppError } from '@/lib/errors';
import type { ApiCaller } from './authenticate';
import { collection, iso, resourceHead, type CollectionQuery } from './query';
import { visiblePerson } from './resources';

// OSDI outreaches: one per letter, so one target each (a submission writes to both senators, and
// each letter has its own text, status and dates). Scoped like signatures: a host key sees every
// letter of the campaign, a partner key only those of people who opted in to that partner.
// The letter's subject and text are not returned: staff never see them either (the ledger shows
// names and statuses only), and a key sees what its organisation's staff may see, never more.


export type OutreachRow = {
  id: string;
  campaign_id: string;
  supporter_id: string;
  status: LetterStatus;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  first_name: string;
  last_name: string;
  state: string;
  forgotten: boolean;
};

export function outreachResource(base: string, r: OutreachRow) {
  const campaign = `${base}/advocacy_campaigns/${r.campaign_id}`;
  return {
    ...resourceHead(r.id, r.created_at, r.updated_at),
    // When the writer confirmed it (the moment it became their outreach); absent while it waits.
    action_date: r.confirmed_at ? iso(r.confirmed_at) : undefined,
    type: 'email',
    targets: [
      {
        title: 'Senator',
        given_name: r.first_name,
        family_name: r.last_name,
        organization: 'U.S. Senate',
        ocdid: `ocd-division/country:us/state:${r.state.toLowerCase()}`,
      },
    ],
    /** pending_confirmation until the writer clicks the link in their email; then queued, sent, self_send or failed. */
    'ratify:status': r.status,
    _links: {
      self: { href: `${campaign}/outreaches/${r.id}` },
      'osdi:advocacy_campaign': { href: campaign },
      // A forgotten person has no person resource left.
      ...(r.forgotten ? {} : { 'osdi:person': { href: `${base}/people/${r.supporter_id}` } }),
    },
  };
}

const outreachSelect = (where: SQL) =>
  sql`select l.id, l.campaign_id, l.supporter_id, l.status::text as status, l.created_at::text, l.updated_at::text, l.confirmed_at::text,
             sn.first_name, sn.last_name, sn.state, (sp.forgotten_at is not null) as forgotten
      from letters l
      join senators sn on sn.bioguide_id = l.senator_id
      join supporters sp on sp.id = l.supporter_id
      where ${where}`;

/** The letters a key may see: every one for the host's keys, a partner's opted-in people's for a partner's. */
export function outreachScope(caller: ApiCaller, where: SQL[]): SQL {
  const parts = [...where];
  if (caller.organisationKind === 'partner') parts.push(visiblePerson(caller, sql`l.supporter_id`));
  return sql.join(parts, sql` and `);
}

/** The rows of these letters, scoped to the key, oldest first. */
export function findOutreaches(caller: ApiCaller, where: SQL[]): Promise<OutreachRow[]> {
  return outreachRows(outreachScope(caller, where));
}

/** Unscoped: only for letters the caller itself just wrote (lib/osdi/record-outreach.ts). */
export function outreachRows(where: SQL): Promise<OutreachRow[]> {
  return queryRows<OutreachRow>(getDb(), sql`${outreachSelect(where)} order by l.created_at, l.id`);
}

async function assertCampaign(campaignId: string) {
  const [exists] = await queryRows<{ id: string }>(getDb(), sql`select id from campaigns where id = ${campaignId}::uuid and status in ('live', 'closed')`);
  if (!exists) throw new AppError('NOT_FOUND', 'No such advocacy campaign.');
}

export async function listOutreaches(caller: ApiCaller, base: string, campaignId: string, q: CollectionQuery) {
  await assertCampaign(campaignId);
  const parts = [sql`l.campaign_id = ${campaignId}::uuid`];
  if (q.modifiedSince) parts.push(sql`l.updated_at > ${q.modifiedSince}::timestamptz`);
  const where = outreachScope(caller, parts);
  const db = getDb();
  const [rows, [{ total }]] = await Promise.all([
    queryRows<OutreachRow>(db, sql`${outreachSelect(where)} order by l.created_at, l.id limit ${q.perPage} offset ${(q.page - 1) * q.perPage}`),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from letters l where ${where}`),
  ]);
  const self = `${base}/advocacy_campaigns/${campaignId}`;
  return collection(`${self}/outreaches`, 'outreaches', rows.map((r) => outreachResource(base, r)), Number(total), q, {
    'osdi:advocacy_campaign': { href: self },
  });
}

/** One outreach, under the same scope as the list; anything else is a 404. */
export async function getOutreach(caller: ApiCaller, base: string, campaignId: string, letterId: string) {
  await assertCampaign(campaignId);
  const [row] = await findOutreaches(caller, [sql`l.id = ${letterId}::uuid`, sql`l.campaign_id = ${campaignId}::uuid`]);
  if (!row) throw new AppError('NOT_FOUND', 'No such outreach.');
  return outreachResource(base, row);
}
