import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { StaffUser } from '@/lib/auth/session-user';
import { AppError, validationError } from '@/lib/errors';
import { assertCanManageStaff, assertMayTouchOwner, assertNotLastOwner, lockOwnersAndTarget } from './guards';
import { RevokeStaffInput } from './schemas';

export type RevokeStaffResult = { id: string; email: string; sessionsEnded: number; changed: boolean };

/** Take away access at once: mark the row revoked and delete its sessions, so the next request is anonymous. */
export async function revokeStaff({ actor, input }: { actor: StaffUser; input: RevokeStaffInput }): Promise<RevokeStaffResult> {
  assertCanManageStaff(actor);
  const parsed = RevokeStaffInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { userId } = parsed.data;
  if (userId === actor.id) throw new AppError('CONFLICT', 'You cannot revoke your own access.');

  return getDb().transaction(async (tx) => {
    const { activeOwnerIds, target } = await lockOwnersAndTarget(tx, userId);
    assertMayTouchOwner(actor, target.role);
    if (target.revokedAt) return { id: target.id, email: target.email, sessionsEnded: 0, changed: false };
    assertNotLastOwner(target, activeOwnerIds, 'revoke their access');

    await tx.update(users).set({ revokedAt: new Date() }).where(eq(users.id, target.id));
    const ended = await tx.delete(sessions).where(eq(sessions.userId, target.id)).returning({ token: sessions.sessionToken });
    await recordAudit(tx, {
      actor,
      action: 'staff.revoke',
      entityType: 'user',
      entityId: target.id,
      data: { role: target.role, sessionsEnded: ended.length },
    });
    return { id: target.id, email: target.email, sessionsEnded: ended.length, changed: true };
  });
}
