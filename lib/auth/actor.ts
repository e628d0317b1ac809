import { can, type Permission, type Role } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

// No `server-only`: imported by services that tests and CLIs load directly.

/** The part of a signed-in staff user the services need (a `StaffUser` fits). */
export type StaffActor = { id: string; email: string | null; role: Role; organisationId?: string | null };

/**
 * Defence in depth: pages and actions check the session first; services check again, so a
 * service called from a new place can never skip authorisation.
 */
export function assertCan(actor: StaffActor | null | undefined, permission: Permission): asserts actor is StaffActor {
  if (!actor) throw new AppError('UNAUTHORIZED', 'Please sign in.');
  if (!can(actor.role, permission)) throw new AppError('FORBIDDEN', 'You do not have permission to do that.');
}

/** The actor as the audit log records it. */
export const auditActor = (actor: StaffActor) => ({ id: actor.id, email: actor.email });
