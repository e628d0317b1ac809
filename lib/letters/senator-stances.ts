import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { senatorPositions } from '@/db/schema';
import type { Stance } from '@/db/schema/enum-values';

/** The current stance of some senators on one treaty (absent: unknown), to pick each one's letter. */
export async function stancesOf(db: DbOrTx, treatyId: string, senatorIds: string[]): Promise<Map<string, Stance>> {
  if (senatorIds.length === 0) return new Map();
  const rows = await db
    .select({ id: senatorPositions.senatorId, stance: senatorPositions.stance })
    .from(senatorPositions)
    .where(and(eq(senatorPositions.treatyId, treatyId), inArray(senatorPositions.senatorId, senatorIds)));
  return new Map(rows.map((r) => [r.id, r.stance]));
}
