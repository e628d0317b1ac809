import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/raw';
import { AppError } from '@/lib/errors';
import { collection, resourceHead, type CollectionQuery } from './query';
import { campaignPage } from './resources';

// OSDI advocacy campaigns: a Ratify campaign's letter to the supporter's two senators. They are the
// same campaigns as the petitions (public data), with the letters as their outreaches.


type CampaignRow = { id: string; slug: string; title: string; summary: string; created_at: string; updated_at: string; n: number };

function advocacyCampaign(base: string, appUrl: string, r: CampaignRow) {
  const self = `${base}/advocacy_campaigns/${r.id}`;
  return {
    ...resourceHead(r.id, r.created_at, r.updated_at),
    title: r.title,
    description: r.summary,
    browser_url: `${appUrl}/c/${r.slug}/write`,
    type: 'email',
    // The field table names it `targets`, the spec's examples `target_universe`: both, for either reader.
    targets: 'U.S. Senate',
    target_universe: 'U.S. Senate',
    // Letters their writers confirmed (one per senator); one still waiting for its click is nobody's voice yet.
    total_outreaches: Number(r.n),
    _links: {
      self: { href: self },
      'osdi:outreaches': { href: `${self}/outreaches` },
      'osdi:record_outreach_helper': { href: `${self}/outreaches` },
    },
  };
}

const campaignSelect = (where: SQL) =>
  sql`select c.id, c.slug, c.title, c.summary, c.created_at::text, c.updated_at::text,
             (select count(*)::int from letters l where l.campaign_id = c.id and l.status <> 'pending_confirmation') as n
      from campaigns c where c.status in ('live', 'closed') and ${where}`;

export async function listAdvocacyCampaigns(base: string, appUrl: string, q: CollectionQuery) {
  const { rows, total } = await campaignPage<CampaignRow>(campaignSelect, q);
  return collection(`${base}/advocacy_campaigns`, 'advocacy_campaigns', rows.map((r) => advocacyCampaign(base, appUrl, r)), total, q);
}

export async function getAdvocacyCampaign(base: string, appUrl: string, id: string) {
  const [row] = await queryRows<CampaignRow>(getDb(), campaignSelect(sql`c.id = ${id}::uuid`));
  if (!row) throw new AppError('NOT_FOUND', 'No such advocacy campaign.');
  return advocacyCampaign(base, appUrl, row);
}
