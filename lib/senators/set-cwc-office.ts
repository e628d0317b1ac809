import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { senators } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { SENATE_OFFICE_CODE } from '@/lib/letters/cwc/schemas';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { cwcOfficeOf, type CwcOffice } from './cwc-office-code';
import { BioguideId } from './set-delivery-email';

const CODE_MESSAGE = 'Enter an office code like SCA01 (S, the state, two digits), or leave it empty to use the roster’s.';

export const SetCwcOfficeInput = z.object({
  senatorId: BioguideId,
  // Empty: no override, the code follows the roster (S + state + Senate class).
  officeCode: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v ?? ''),
    z.union([z.literal(''), z.string().regex(SENATE_OFFICE_CODE, CODE_MESSAGE)], { error: CODE_MESSAGE }),
  ),
  // An HTML checkbox ("on" or absent) or a boolean.
  enabled: z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean()),
});
export type SetCwcOfficeInput = z.input<typeof SetCwcOfficeInput>;

export type CwcOfficeResult = { senatorId: string; office: CwcOffice; changed: boolean };

/**
 * Staff set a senator's CWC office code (an override of the roster's) and whether CWC is used for the
 * office at all. Both survive roster imports. Audited `senator.cwc_office` with the codes and switch.
 */
export async function setCwcOffice({ actor, input }: { actor: StaffActor; input: SetCwcOfficeInput }): Promise<CwcOfficeResult> {
  assertCan(actor, 'senators:edit');
  const parsed = SetCwcOfficeInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { senatorId, enabled } = parsed.data;
  const officeCode = parsed.data.officeCode || null;

  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({
        state: senators.state,
        senateClass: senators.senateClass,
        cwcOfficeCode: senators.cwcOfficeCode,
        cwcEnabled: senators.cwcEnabled,
      })
      .from(senators)
      .where(eq(senators.bioguideId, senatorId))
      .for('update');
    if (!before) throw new AppError('NOT_FOUND', 'That senator is not on the roster.');
    // A code for another state's office would send constituents' letters to the wrong senator.
    if (officeCode && officeCode.slice(1, 3) !== before.state) {
      throw validationError([{ path: ['officeCode'], message: `A code for this senator starts with S${before.state}, like S${before.state}01.` }]);
    }
    const after = { ...before, cwcOfficeCode: officeCode, cwcEnabled: enabled };
    if (before.cwcOfficeCode === officeCode && before.cwcEnabled === enabled) {
      return { senatorId, office: cwcOfficeOf(after), changed: false };
    }
    await tx.update(senators).set({ cwcOfficeCode: officeCode, cwcEnabled: enabled }).where(eq(senators.bioguideId, senatorId));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'senator.cwc_office',
      entityType: 'senator',
      entityId: senatorId,
      data: { officeCode, previousOfficeCode: before.cwcOfficeCode, enabled, wasEnabled: before.cwcEnabled },
    });
    return { senatorId, office: cwcOfficeOf(after), changed: true };
  });
}
