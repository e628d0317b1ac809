import 'server-only';
import { getDb } from '@/db/client';
import { organisations } from '@/db/schema';
import { validationError } from '@/lib/errors';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { assertFreeShortCode, auditPartner } from './save-partner';
import { CreatePartnerInput } from './schemas';
import { forgetPartnerCodes } from '@/lib/consents/partner-codes';

/** Add a partner organisation (owners/admins). Audited `organisation.create`. */
export async function createPartner({ actor, input }: { actor: StaffActor; input: CreatePartnerInput }): Promise<{ id: string }> {
  assertCan(actor, 'organisations:manage');
  const parsed = CreatePartnerInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  // Its code changes which ?ref= links proxy.ts sends to a referral variant: read the codes again.
  return getDb()
    .transaction(async (tx) => {
      await assertFreeShortCode(tx, parsed.data.slug);
      const [row] = await tx.insert(organisations).values({ ...parsed.data, kind: 'partner' }).returning({ id: organisations.id });
      await auditPartner(tx, actor, 'organisation.create', row.id, { slug: parsed.data.slug });
      return { id: row.id };
    })
    .finally(forgetPartnerCodes);
}
