import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { organisations } from '@/db/schema';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { auditPartner } from './save-partner';
import { RetirePartnerInput } from './schemas';
import { forgetPartnerCodes } from '@/lib/consents/partner-codes';

/**
 * Retire a partner (or bring it back). A retired partner is no longer shown as a co-sponsor,
 * offered as an opt-in box or credited by `?ref=`; its consents and referrals stay on record.
 */
export async function retirePartner({ actor, input }: { actor: StaffActor; input: RetirePartnerInput }): Promise<{ retired: boolean }> {
  assertCan(actor, 'organisations:manage');
  const parsed = RetirePartnerInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const retire = parsed.data.retire === 'retire';
  // Its code changes which ?ref= links proxy.ts sends to a referral variant: read the codes again.
  return getDb()
    .transaction(async (tx) => {
      const [row] = await tx
        .update(organisations)
        .set({ retiredAt: retire ? sql`coalesce(${organisations.retiredAt}, now())` : null, updatedAt: new Date() })
        .where(and(eq(organisations.id, parsed.data.id), eq(organisations.kind, 'partner')))
        .returning({ id: organisations.id });
      if (!row) throw new AppError('NOT_FOUND', 'That partner organisation does not exist.');
      await auditPartner(tx, actor, retire ? 'organisation.retire' : 'organisation.restore', row.id, {});
      return { retired: retire };
    })
    .finally(forgetPartnerCodes);
}
