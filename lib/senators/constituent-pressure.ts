import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { callReports, campaigns, letters, signatures } from '@/db/schema';

export type CallCounts = { total: number; pending: number; supports: number; undecided: number; opposes: number; noAnswer: number };
export type Pressure = { lettersSent: number; signers: number; verifiedSigners: number; calls: CallCounts };

const NO_CALLS: CallCounts = { total: 0, pending: 0, supports: 0, undecided: 0, opposes: 0, noAnswer: 0 };

export type PressureIndex = {
  /** Letters delivered to the senator's office across the treaty's campaigns. */
  lettersBySenator: Map<string, number>;
  /** Distinct signers (and email-verified ones) in each state across the treaty's campaigns. */
  signersByState: Map<string, { signers: number; verified: number }>;
  /** Supporters' call reports per senator across the treaty's campaigns, by what the office said. */
  callsBySenator: Map<string, CallCounts>;
};

/** Two grouped queries for the whole board (≤ 100 senators), never one per row. */
export async function loadPressure(db: DbOrTx, treatyId: string): Promise<PressureIndex> {
  const n = (cond: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${cond}))::int`;
  const [letterRows, signerRows, callRows] = await Promise.all([
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
    db
      .select({
        senatorId: callReports.senatorId,
        total: sql<number>`count(*)::int`,
        pending: n(sql`${callReports.status} = 'pending'`),
        supports: n(sql`${callReports.response} = 'supports'`),
        undecided: n(sql`${callReports.response} = 'undecided'`),
        opposes: n(sql`${callReports.response} = 'opposes'`),
        noAnswer: n(sql`${callReports.response} = 'no_answer'`),
      })
      .from(callReports)
      .innerJoin(campaigns, eq(campaigns.id, callReports.campaignId))
      .where(eq(campaigns.treatyId, treatyId))
      .groupBy(callReports.senatorId),
  ]);
  return {
    lettersBySenator: new Map(letterRows.map((r) => [r.senatorId, r.n])),
    signersByState: new Map(signerRows.map((r) => [r.state ?? '', { signers: r.signers, verified: r.verified }])),
    callsBySenator: new Map(callRows.map(({ senatorId, ...c }) => [senatorId, c])),
  };
}

export function pressureOf(index: PressureIndex, senatorId: string, state: string): Pressure {
  const s = index.signersByState.get(state);
  return {
    lettersSent: index.lettersBySenator.get(senatorId) ?? 0,
    signers: s?.signers ?? 0,
    verifiedSigners: s?.verified ?? 0,
    calls: index.callsBySenator.get(senatorId) ?? NO_CALLS,
  };
}
