import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { senatorPositions, senators, treaties } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { BioguideId } from './set-delivery-email';

export const SetExpectedAbsentInput = z.object({
  senatorId: BioguideId,
  treatyId: z.uuid('Choose a treaty.'),
  expectedAbsent: z.preprocess((v) => v === true || v === '1' || v === 'true' || v === 'on', z.boolean()),
});
export type SetExpectedAbsentInput = z.input<typeof SetExpectedAbsentInput>;

/**
 * Mark a senator as expected to miss the treaty vote (illness, travel): they leave "present", so
 * fewer votes are needed. Audited `senator.expected_absent`; the stance is left as it is.
 */
export async function setExpectedAbsent({ actor, input }: { actor: StaffActor; input: SetExpectedAbsentInput }): Promise<{ expectedAbsent: boolean; changed: boolean }> {
  assertCan(actor, 'senators:edit');
  const parsed = SetExpectedAbsentInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { senatorId, treatyId, expectedAbsent } = parsed.data;

  return getDb().transaction(async (tx) => {
    const [senator] = await tx.select({ current: senators.isCurrent }).from(senators).where(eq(senators.bioguideId, senatorId));
    if (!senator?.current) throw new AppError('NOT_FOUND', 'That senator is not in the Senate now.');
    const [treaty] = await tx.select({ id: treaties.id }).from(treaties).where(eq(treaties.id, treatyId));
    if (!treaty) throw new AppError('NOT_FOUND', 'That treaty no longer exists.');
    const [before] = await tx
      .select({ expectedAbsent: senatorPositions.expectedAbsent })
      .from(senatorPositions)
      .where(and(eq(senatorPositions.senatorId, senatorId), eq(senatorPositions.treatyId, treatyId)))
      .for('update');
    if ((before?.expectedAbsent ?? false) === expectedAbsent) return { expectedAbsent, changed: false };
    await tx
      .insert(senatorPositions)
      .values({ senatorId, treatyId, expectedAbsent, updatedBy: actor.id })
      .onConflictDoUpdate({
        target: [senatorPositions.senatorId, senatorPositions.treatyId],
        set: { expectedAbsent, updatedBy: actor.id, updatedAt: sql`now()` },
      });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'senator.expected_absent',
      entityType: 'senator',
      entityId: senatorId,
      data: { treatyId, expectedAbsent },
    });
    return { expectedAbsent, changed: true };
  });
}
