import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { queryRows } from '@/db/raw';
import { can, type Role } from '@/lib/auth/permissions';
import type { StaffUser } from '@/lib/auth/session-user';
import { AppError } from '@/lib/errors';

export type LockedTarget = { id: string; email: string; name: string | null; role: Role; revokedAt: Date | null };

export function assertCanManageStaff(actor: StaffUser): void {
  if (!can(actor.role, 'staff:manage')) throw new AppError('FORBIDDEN', 'Your role does not allow managing the team.');
}

/** Admins run the team but cannot create, change, revoke or restore owners: only owners can. */
export function assertMayTouchOwner(actor: StaffUser, ...rolesInvolved: Role[]): void {
  if (actor.role !== 'owner' && rolesInvolved.includes('owner')) {
    throw new AppError('FORBIDDEN', 'Only an owner can add, change or remove owners.');
  }
}

/**
 * Lock every active owner, then the target row, in that order in every staff mutation (one lock
 * order: no deadlocks). Two transactions demoting the last two owners serialise on these locks, and
 * the second one re-reads the owners after the first commits (READ COMMITTED re-checks locked rows
 * against the WHERE clause), so it sees a single owner left and refuses.
 */
export async function lockOwnersAndTarget(tx: Tx, userId: string): Promise<{ activeOwnerIds: string[]; target: LockedTarget }> {
  const owners = await queryRows<{ id: string }>(
    tx,
    sql`select id from users where role = 'owner' and revoked_at is null order by id for update`,
  );
  const [row] = await queryRows<{ id: string; email: string; name: string | null; role: Role; revoked_at: Date | string | null }>(
    tx,
    sql`select id, email, name, role, revoked_at from users where id = ${userId} for update`,
  );
  if (!row) throw new AppError('NOT_FOUND', 'That team member no longer exists.');
  return {
    activeOwnerIds: owners.map((o) => o.id),
    target: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
    },
  };
}

/** The target is an active owner and nobody else is: refuse to take them away. */
export function assertNotLastOwner(target: LockedTarget, activeOwnerIds: string[], what: string): void {
  const isActiveOwner = target.role === 'owner' && !target.revokedAt;
  if (isActiveOwner && activeOwnerIds.filter((id) => id !== target.id).length === 0) {
    throw new AppError('CONFLICT', `${target.email} is the last owner; make someone else an owner before you ${what}.`);
  }
}
