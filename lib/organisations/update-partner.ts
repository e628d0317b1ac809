import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { organisations } from '@/db/schema';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { assertFreeShortCode, auditPartner, changedFields } from './save-partner';
import { UpdatePartnerInput } from './schemas';
import { forgetPartnerCodes } from '@/lib/consents/partner-codes';

/**
 * Edit a partner's details and opt-in wording (owners/admins). Consents already given keep the
 * words shown at the time (their own column); new ones get the new words. Audited with the
 * changed field names.
 */
export async function updatePartner({ actor, input }: { actor: StaffActor; input: UpdatePartnerInput }): Promise<{ changed: string[] }> {
  assertCan(actor, 'organisations:manage');
  const parsed = UpdatePartnerInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { id, ...next } = parsed.data;
  // Its code changes which ?ref= links proxy.ts sends to a referral variant: read the codes again.
  return getDb()
    .transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(organisations)
        .where(and(eq(organisations.id, id), eq(organisations.kind, 'partner')))
        .for('update');
      if (!before) throw new AppError('NOT_FOUND', 'That partner organisation does not exist.');
      const changed = changedFields(before, next);
      if (changed.length === 0) return { changed };
      if (changed.includes('slug')) await assertFreeShortCode(tx, next.slug, id);
      await tx.update(organisations).set({ ...next, updatedAt: new Date() }).where(eq(organisations.id, id));
      await auditPartner(tx, actor, 'organisation.update', id, { fields: changed });
      return { changed };
    })
    .finally(forgetPartnerCodes);
}
