import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { campaigns, letters, signatures } from '@/db/schema';

export type Pressure = { lettersSent: number; signers: number; verifiedSigners: number };

export type PressureIndex = {
  /** Letters delivered to the senator's office across the treaty's campaigns. */
  lettersBySenator: Map<string, number>;
  /** Distinct signers (and email-verified ones) in each state across the treaty's campaigns. */
  signersByState: Map<string, { signers: number; verified: number }>;
};

/** Two grouped queries for the whole board (≤ 100 senators), never one per row. */
export async function loadPressure(db: DbOrTx, treatyId: string): Promise<PressureIndex> {
  const [letterRows, signerRows] = await Promise.all([
    db
      .select({ senatorId: letters.senatorId, n: sql<number>`count(*)::int` })
      .from(letters)
      .innerJoin(campaigns, eq(campaigns.id, letters.campaignId))
      .where(and(eq(campaigns.treatyId, treatyId), eq(letters.status, 'sent')))
      .groupBy(letters.senatorId),
    db
      .select({
        state: signatures.state,
        signers: sql<number>`count(distinct ${signatures.supporterId})::int`,
        verified: sql<number>`count(distinct ${signatures.supporterId}) filter (where ${signatures.verifiedAt} is not null)::int`,
      })
      .from(signatures)
      .innerJoin(campaigns, eq(campaigns.id, signatures.campaignId))
      .where(and(eq(campaigns.treatyId, treatyId), sql`${signatures.state} is not null`))
      .groupBy(signatures.state),
  ]);
  return {
    lettersBySenator: new Map(letterRows.map((r) => [r.senatorId, r.n])),
    signersByState: new Map(signerRows.map((r) => [r.state ?? '', { signers: r.signers, verified: r.verified }])),
  };
}

export function pressureOf(index: PressureIndex, senatorId: string, state: string): Pressure {
  const s = index.signersByState.get(state);
  return { lettersSent: index.lettersBySenator.get(senatorId) ?? 0, signers: s?.signers ?? 0, verifiedSigners: s?.verified ?? 0 };
}
