import 'server-only';
import { asc, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { treaties } from '@/db/schema';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import type { TreatyStageValue } from './schemas';

export type TreatyListItem = { id: string; name: string; shortName: string; stage: TreatyStageValue; campaigns: number };

/** Every treaty, for the treaties page and the campaign editor's treaty select. */
export async function listTreaties({ actor }: { actor: StaffActor }): Promise<TreatyListItem[]> {
  assertCan(actor, 'campaigns:view');
  const rows = await getDb()
    .select({
      id: treaties.id,
      name: treaties.name,
      shortName: treaties.shortName,
      stage: treaties.stage,
      campaigns: sql<number>`(select count(*)::int from campaigns c where c.treaty_id = treaties.id)`,
    })
    .from(treaties)
    .orderBy(asc(treaties.shortName));
  return rows.map((r) => ({ ...r, campaigns: Number(r.campaigns) }));
}
