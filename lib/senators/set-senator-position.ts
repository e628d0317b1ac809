import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { senators, treaties } from '@/db/schema';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { isoDay } from '@/lib/forms/fields';
import { OptionalHttpUrl, orNull } from '@/lib/treaties/schemas';
import { recordStance } from './record-stance';
import { BioguideId } from './set-delivery-email';

import { SENATOR_STANCES as STANCES, type Stance } from '@/db/schema/enum-values';

export { STANCES, type Stance };

/** The day a stance was stated: blank means today. */
export const StatedOn = orNull(isoDay('Enter the date as YYYY-MM-DD.', { minYear: 1990, maxYear: 2200 }));

export const SetSenatorPositionInput = z.object({
  senatorId: BioguideId,
  treatyId: z.uuid('Choose a treaty.'),
  stance: z.enum(STANCES, 'Choose a stance.'),
  note: orNull(z.string().trim().max(1000, 'Keep the note under 1,000 characters.')),
  sourceUrl: OptionalHttpUrl,
  statedOn: StatedOn,
});
export type SetSenatorPositionInput = z.input<typeof SetSenatorPositionInput>;

export type PositionResult = { senatorId: string; treatyId: string; stance: Stance; changed: boolean };

/**
 * Record where a senator stands on a treaty (the whip count): a new row in the stance history, which
 * becomes the current stance. Audited `senator.position`.
 */
export async function setSenatorPosition({ actor, input, now }: { actor: StaffActor; input: SetSenatorPositionInput; now?: Date }): Promise<PositionResult> {
  assertCan(actor, 'senators:edit');
  const parsed = SetSenatorPositionInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { senatorId, treatyId, stance, note, sourceUrl, statedOn } = parsed.data;

  return getDb().transaction(async (tx) => {
    const [senator] = await tx.select({ id: senators.bioguideId }).from(senators).where(eq(senators.bioguideId, senatorId));
    if (!senator) throw new AppError('NOT_FOUND', 'That senator is not on the roster.');
    const [treaty] = await tx.select({ id: treaties.id }).from(treaties).where(eq(treaties.id, treatyId));
    if (!treaty) throw new AppError('NOT_FOUND', 'That treaty no longer exists.');
    const changed = await recordStance(tx, actor, { senatorId, treatyId, stance, statedOn, note, sourceUrl }, { now });
    return { senatorId, treatyId, stance, changed };
  });
}
