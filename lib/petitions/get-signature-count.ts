import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/raw';

/** Every signature counts once, confirmed or not; an index-only scan on (campaign_id, created_at). */
export async function getSignatureCount(campaignId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    getDb(),
    sql`select count(*)::int as n from signatures where campaign_id = ${campaignId}`,
  );
  return Number(row?.n ?? 0);
}
