import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { senatorPositions, senators } from '@/db/schema';
import { senateArithmetic, vacanciesByState, type SenateArithmetic } from './senate-arithmetic';

/**
 * The votes-needed arithmetic for one treaty from the data (public: counts only): vacant seats from
 * the roster, absences staff expect. The whip board computes the same numbers from its own rows.
 */
export async function loadSenateArithmetic(db: DbOrTx, treatyId: string): Promise<SenateArithmetic> {
  const rows = await db
    .select({ state: senators.state, absent: sql<boolean>`coalesce(${senatorPositions.expectedAbsent}, false)` })
    .from(senators)
    .leftJoin(senatorPositions, and(eq(senatorPositions.senatorId, senators.bioguideId), eq(senatorPositions.treatyId, treatyId)))
    .where(eq(senators.isCurrent, true));
  const vacant = vacanciesByState(rows.map((r) => r.state)).reduce((n, v) => n + v.vacant, 0);
  return senateArithmetic({ vacant, absent: rows.filter((r) => r.absent).length });
}
