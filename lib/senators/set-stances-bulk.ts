import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { senators, treaties } from '@/db/schema';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { OptionalHttpUrl, orNull } from '@/lib/treaties/schemas';
import { recordStance } from './record-stance';
import { BioguideId } from './set-delivery-email';
import { STANCES, StatedOn } from './set-senator-position';

export const SetStancesBulkInput = z.object({
  treatyId: z.uuid('Choose a treaty.'),
  senatorIds: z
    .array(BioguideId)
    .min(1, 'Select at least one senator.')
    .max(100, 'Select at most 100 senators.')
    .transform((ids) => [...new Set(ids)]),
  stance: z.enum(STANCES, 'Choose a stance.'),
  // One source vouches for every selected senator: a bulk change without one is refused.
  sourceUrl: OptionalHttpUrl.refine((v) => v !== null, 'Give the source these stances rest on.'),
  note: orNull(z.string().trim().max(1000, 'Keep the note under 1,000 characters.')),
  statedOn: StatedOn,
});
export type SetStancesBulkInput = z.input<typeof SetStancesBulkInput>;

/** Set one stance, from one source, for several senators: one history row each, all or nothing. */
export async function setStancesBulk({ actor, input, now }: { actor: StaffActor; input: SetStancesBulkInput; now?: Date }): Promise<{ changed: number; selected: number }> {
  assertCan(actor, 'senators:edit');
  const parsed = SetStancesBulkInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { treatyId, senatorIds, stance, sourceUrl, note, statedOn } = parsed.data;

  return getDb().transaction(async (tx) => {
    const [treaty] = await tx.select({ id: treaties.id }).from(treaties).where(eq(treaties.id, treatyId));
    if (!treaty) throw new AppError('NOT_FOUND', 'That treaty no longer exists.');
    const found = await tx
      .select({ id: senators.bioguideId })
      .from(senators)
      .where(and(inArray(senators.bioguideId, senatorIds), eq(senators.isCurrent, true)));
    if (found.length !== senatorIds.length) {
      throw new AppError('VALIDATION', 'Some selected senators are no longer on the roster. Reload and try again.', {
        senatorIds: ['Some selected senators are no longer on the roster.'],
      });
    }
    let changed = 0;
    // In a fixed order, so two bulk updates over overlapping senators lock rows in the same order.
    for (const senatorId of [...senatorIds].sort()) {
      if (await recordStance(tx, actor, { senatorId, treatyId, stance, statedOn, note, sourceUrl }, { now, auditExtra: { bulk: true } })) changed++;
    }
    return { changed, selected: senatorIds.length };
  });
}
