import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Role } from '@/lib/auth/permissions';
import type { StaffUser } from '@/lib/auth/session-user';
import { AppError, validationError } from '@/lib/errors';
import { assertCanManageStaff, assertMayTouchOwner, assertNotLastOwner, lockOwnersAndTarget } from './guards';
import { UpdateStaffRoleInput } from './schemas';

export type UpdateStaffRoleResult = { id: string; email: string; from: Role; to: Role; changed: boolean };

export async function updateStaffRole({
  actor,
  input,
}: {
  actor: StaffUser;
  input: UpdateStaffRoleInput;
}): Promise<UpdateStaffRoleResult> {
  assertCanManageStaff(actor);
  const parsed = UpdateStaffRoleInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { userId, role } = parsed.data;

  return getDb().transaction(async (tx) => {
    const { activeOwnerIds, target } = await lockOwnersAndTarget(tx, userId);
    assertMayTouchOwner(actor, target.role, role);
    // A partner belongs to an organisation: invite partner staff with theirs rather than converting host staff.
    if (role === 'partner' && target.role !== 'partner') {
      throw new AppError('VALIDATION', 'Invite partner staff with their organisation instead.', { role: ['Invite partner staff with their organisation instead.'] });
    }
    if (target.role === role) return { id: target.id, email: target.email, from: role, to: role, changed: false };
    if (role !== 'owner') assertNotLastOwner(target, activeOwnerIds, 'change their role');

    // Leaving the partner role leaves the partner organisation (host staff have none).
    await tx.update(users).set({ role, organisationId: null }).where(eq(users.id, target.id));
    await recordAudit(tx, {
      actor,
      action: 'staff.role_change',
      entityType: 'user',
      entityId: target.id,
      data: { from: target.role, to: role },
    });
    return { id: target.id, email: target.email, from: target.role, to: role, changed: true };
  });
}
