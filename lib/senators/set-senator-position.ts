import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { senatorPositions, senators, treaties } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { OptionalHttpUrl, orNull } from '@/lib/treaties/schemas';
import { BioguideId } from './set-delivery-email';

import { SENATOR_STANCES as STANCES, type Stance } from '@/db/schema/enum-values';

export { STANCES, type Stance };

export const SetSenatorPositionInput = z.object({
  senatorId: BioguideId,
  treatyId: z.uuid('Choose a treaty.'),
  stance: z.enum(STANCES, 'Choose a stance.'),
  note: orNull(z.string().trim().max(1000, 'Keep the note under 1,000 characters.')),
  sourceUrl: OptionalHttpUrl,
});
export type SetSenatorPositionInput = z.input<typeof SetSenatorPositionInput>;

export type PositionResult = { senatorId: string; treatyId: string; stance: Stance; changed: boolean };

/** Record where a senator stands on a treaty (the whip count). Audited `senator.position`. */
export async function setSenatorPosition({ actor, input }: { actor: StaffActor; input: SetSenatorPositionInput }): Promise<PositionResult> {
  assertCan(actor, 'senators:edit');
  const parsed = SetSenatorPositionInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { senatorId, treatyId, stance, note, sourceUrl } = parsed.data;

  return getDb().transaction(async (tx) => {
    const [senator] = await tx.select({ id: senators.bioguideId }).from(senators).where(eq(senators.bioguideId, senatorId));
    if (!senator) throw new AppError('NOT_FOUND', 'That senator is not on the roster.');
    const [treaty] = await tx.select({ id: treaties.id }).from(treaties).where(eq(treaties.id, treatyId));
    if (!treaty) throw new AppError('NOT_FOUND', 'That treaty no longer exists.');
    const [before] = await tx
      .select()
      .from(senatorPositions)
      .where(and(eq(senatorPositions.senatorId, senatorId), eq(senatorPositions.treatyId, treatyId)))
      .for('update');
    // No row yet reads as "unknown, no note, no source".
    const prev = before ?? { stance: 'unknown' as Stance, note: null, sourceUrl: null };
    const next = { stance, note, sourceUrl };
    const fields = (['stance', 'note', 'sourceUrl'] as const).filter((k) => prev[k] !== next[k]);
    if (fields.length === 0) return { senatorId, treatyId, stance, changed: false };

    await tx
      .insert(senatorPositions)
      .values({ senatorId, treatyId, stance, note, sourceUrl, updatedBy: actor.id })
      .onConflictDoUpdate({
        target: [senatorPositions.senatorId, senatorPositions.treatyId],
        set: { stance, note, sourceUrl, updatedBy: actor.id, updatedAt: sql`now()` },
      });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'senator.position',
      entityType: 'senator',
      entityId: senatorId,
      data: { treatyId, stance, from: before?.stance ?? 'unknown', fields },
    });
    return { senatorId, treatyId, stance, changed: true };
  });
}
