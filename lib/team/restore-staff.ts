import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { StaffUser } from '@/lib/auth/session-user';
import { validationError } from '@/lib/errors';
import { assertCanManageStaff, assertMayTouchOwner, lockOwnersAndTarget } from './guards';
import { RestoreStaffInput } from './schemas';

export type RestoreStaffResult = { id: string; email: string; changed: boolean };

/** Give a revoked colleague their access back, with the role they had. They sign in again by email. */
export async function restoreStaff({ actor, input }: { actor: StaffUser; input: RestoreStaffInput }): Promise<RestoreStaffResult> {
  assertCanManageStaff(actor);
  const parsed = RestoreStaffInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);

  return getDb().transaction(async (tx) => {
    const { target } = await lockOwnersAndTarget(tx, parsed.data.userId);
    assertMayTouchOwner(actor, target.role);
    if (!target.revokedAt) return { id: target.id, email: target.email, changed: false };

    await tx.update(users).set({ revokedAt: null }).where(eq(users.id, target.id));
    await recordAudit(tx, {
      actor,
      action: 'staff.restore',
      entityType: 'user',
      entityId: target.id,
      data: { role: target.role },
    });
    return { id: target.id, email: target.email, changed: true };
  });
}
