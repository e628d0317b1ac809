import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { senatorPositions, senatorStanceEvents } from '@/db/schema';
import type { Stance } from '@/db/schema/enum-values';
import { recordAudit } from '@/lib/audit/record-audit';
import { auditActor, type StaffActor } from '@/lib/auth/actor';

export type StanceChange = {
  senatorId: string;
  treatyId: string;
  stance: Stance;
  /** Null: keep the current date when the stance is unchanged, else today. */
  statedOn: string | null;
  note: string | null;
  sourceUrl: string | null;
  /** The supporter's call report this stance was recorded from (its source). */
  callReportId?: string | null;
};

/**
 * Inside the caller's transaction: append a history row and make it the current stance, audited
 * `senator.position`. Locks the current row first, so two staff saving at once append in order.
 * Returns false (writes nothing) when stance, note and source are all unchanged. The caller has
 * already authorised the actor and checked that the senator and treaty exist.
 */
export async function recordStance(
  tx: Tx,
  actor: StaffActor,
  input: StanceChange,
  { now = new Date(), auditExtra = {} }: { now?: Date; auditExtra?: Record<string, unknown> } = {},
): Promise<boolean> {
  const { senatorId, treatyId, stance, note, sourceUrl } = input;
  const [before] = await tx
    .select()
    .from(senatorPositions)
    .where(and(eq(senatorPositions.senatorId, senatorId), eq(senatorPositions.treatyId, treatyId)))
    .for('update');
  // No row yet reads as "unknown, no note, no source".
  const prev = before ?? { stance: 'unknown' as Stance, note: null, sourceUrl: null, statedOn: null };
  const statedOn = input.statedOn ?? (prev.stance === stance && prev.statedOn ? prev.statedOn : todayUtc(now));
  const change = { ...input, statedOn };
  const fields = (['stance', 'note', 'sourceUrl', 'statedOn'] as const).filter((k) => prev[k] !== change[k]);
  if (fields.length === 0) return false;

  await tx
    .insert(senatorStanceEvents)
    .values({ senatorId, treatyId, stance, statedOn, note, sourceUrl, callReportId: input.callReportId ?? null, recordedBy: actor.id });
  await tx
    .insert(senatorPositions)
    .values({ senatorId, treatyId, stance, note, sourceUrl, statedOn, updatedBy: actor.id })
    .onConflictDoUpdate({
      target: [senatorPositions.senatorId, senatorPositions.treatyId],
      set: { stance, note, sourceUrl, statedOn, updatedBy: actor.id, updatedAt: sql`now()` },
    });
  await recordAudit(tx, {
    actor: auditActor(actor),
    action: 'senator.position',
    entityType: 'senator',
    entityId: senatorId,
    data: { treatyId, stance, from: before?.stance ?? 'unknown', fields, ...auditExtra },
  });
  return true;
}

/** Today as `YYYY-MM-DD` (UTC): the default date of a stance typed without one. */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);
