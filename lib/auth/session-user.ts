import { z } from 'zod';
import { roles, type Role } from './permissions';

/** `organisationId`: the partner organisation of a `partner`; null (or absent) for host staff. */
export type StaffUser = { id: string; email: string; name: string | null; role: Role; organisationId?: string | null };

// What the session callback in config.ts puts on `session.user`.
const SessionUser = z.object({
  id: z.string().min(1),
  email: z.string().min(1),
  name: z.string().nullable().optional(),
  role: z.enum(roles),
  organisationId: z.string().nullable().optional(),
  revoked: z.boolean(),
});

/** The staff member in a session payload (see the session callback), or null when revoked or malformed. */
export function staffUserFromSession(session: unknown): StaffUser | null {
  const parsed = SessionUser.safeParse((session as { user?: unknown } | null)?.user);
  if (!parsed.success || parsed.data.revoked) return null;
  const { id, email, name, role, organisationId } = parsed.data;
  // A partner without its organisation would be unscoped: treat the session as invalid.
  if (role === 'partner' && !organisationId) return null;
  return { id, email, name: name ?? null, role, organisationId: organisationId ?? null };
}
