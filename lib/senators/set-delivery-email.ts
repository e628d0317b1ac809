import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { senators } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { enqueueDeliveryChangeMail } from './delivery-change-mail';

export const BioguideId = z
  .string({ error: 'Unknown senator.' })
  .trim()
  .regex(/^[A-Z][0-9]{6}$/, 'Unknown senator.');

export const SetDeliveryEmailInput = z.object({
  senatorId: BioguideId,
  // Empty clears the address: letters to that office then go back to the supporter to send.
  email: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v ?? ''),
    z.union([z.literal(''), z.email('Enter an email address, like foreign.affairs@senator.senate.gov, or leave it empty.').max(254, 'That address is too long.')]),
  ),
});
export type SetDeliveryEmailInput = z.input<typeof SetDeliveryEmailInput>;

export type DeliveryEmailResult = { senatorId: string; email: string | null; changed: boolean };

/**
 * Set (or clear) the address letter delivery uses for a senator's office. Supporters' letters (names,
 * street addresses) go there, so the change is audited `senator.delivery_email` with the old and new
 * address (an office's address, not a supporter's) and every owner is emailed, in the same transaction.
 */
export async function setDeliveryEmail({ actor, input }: { actor: StaffActor; input: SetDeliveryEmailInput }): Promise<DeliveryEmailResult> {
  assertCan(actor, 'senators:edit');
  const parsed = SetDeliveryEmailInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { senatorId } = parsed.data;
  const email = parsed.data.email || null;

  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ email: senators.deliveryEmail, firstName: senators.firstName, lastName: senators.lastName, state: senators.state })
      .from(senators)
      .where(eq(senators.bioguideId, senatorId))
      .for('update');
    if (!before) throw new AppError('NOT_FOUND', 'That senator is not on the roster.');
    if ((before.email ?? null) === email) return { senatorId, email, changed: false };

    await tx.update(senators).set({ deliveryEmail: email }).where(eq(senators.bioguideId, senatorId));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'senator.delivery_email',
      entityType: 'senator',
      entityId: senatorId,
      data: { set: email !== null, hadAddress: before.email !== null, from: before.email, to: email },
    });
    await enqueueDeliveryChangeMail(tx, {
      senator: { id: senatorId, name: `${before.firstName} ${before.lastName}`, state: before.state },
      oldAddress: before.email,
      newAddress: email,
      changedBy: actor.email ?? 'A staff member',
    });
    return { senatorId, email, changed: true };
  });
}
