import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';

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
