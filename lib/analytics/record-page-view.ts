import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { consumeRateLimit } from '@/lib/security/rate-limit';

/**
 * One more view of a campaign page for today (UTC) and source: a counter, no cookie, nothing about
 * the visitor. Called from the page's view beacon (app/api/campaigns/[slug]/views), never while
 * rendering the cached page.
 */
export async function recordPageView(campaignId: string, source: string | undefined, db: DbOrTx = getDb()): Promise<void> {
  await db.execute(
    sql`insert into page_views (campaign_id, day, source, views)
        values (${campaignId}, (now() at time zone 'utc')::date, ${source ?? ''}, 1)
        on conflict (campaign_id, day, source) do update set views = page_views.views + 1`,
  );
}

// A reader who reloads, or a script that loops: beyond this many views of one campaign from one
// address in an hour, views are not counted (the beacon still answers, so the page works as ever).
export const VIEWS_PER_ADDRESS = { limit: 20, windowSeconds: 3600 };

/**
 * The beacon's entry point: count the view unless this address (a salted hash, kept only as a
 * rate-limit key that expires with its window) has already been counted VIEWS_PER_ADDRESS times.
 * Returns whether it was counted.
 */
export async function countPageView(
  { campaignId, source, ipHash }: { campaignId: string; source: string | undefined; ipHash: string },
  db: DbOrTx = getDb(),
): Promise<boolean> {
  const budget = await consumeRateLimit(`view:ip:${ipHash}:${campaignId}`, VIEWS_PER_ADDRESS, db);
  if (!budget.ok) return false;
  await recordPageView(campaignId, source, db);
  return true;
}
