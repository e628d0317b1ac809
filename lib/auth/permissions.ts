// Who may do what. Roles are not a ladder: an editor shapes campaigns but never sees people;
// an analyst sees people and exports but edits nothing; a partner sees only its own organisation's
// figures and opt-ins (the services scope by actor.organisationId). README.md carries this matrix.
import { STAFF_ROLES } from '@/db/schema/enum-values';

export const roles = STAFF_ROLES;
export type Role = (typeof roles)[number];

export const permissions = {
  'dashboard:view': ['owner', 'admin', 'editor', 'analyst', 'viewer', 'partner'],
  // Referral figures (aggregates): a partner its own, host staff any partner's.
  'referrals:view': ['owner', 'admin', 'editor', 'analyst', 'viewer', 'partner'],
  // The people who opted in to an organisation, and their export: a partner only its own.
  'consents:view': ['owner', 'admin', 'analyst', 'partner'],
  'consents:export': ['owner', 'admin', 'analyst', 'partner'],
  'analytics:view': ['owner', 'admin', 'editor', 'analyst', 'viewer'],
  'campaigns:view': ['owner', 'admin', 'editor', 'analyst', 'viewer'],
  'campaigns:edit': ['owner', 'admin', 'editor'],
  'senators:edit': ['owner', 'admin', 'editor'],
  // The whip board as CSV: stances and staff-set office addresses, no supporter's personal data.
  'senators:export': ['owner', 'admin', 'editor', 'analyst'],
  'updates:send': ['owner', 'admin', 'editor'],
  'people:view': ['owner', 'admin', 'analyst'],
  'people:moderate': ['owner', 'admin', 'analyst'],
  'people:forget': ['owner', 'admin'],
  'letters:view': ['owner', 'admin', 'analyst'],
  'letters:retry': ['owner', 'admin'],
  'exports:run': ['owner', 'admin', 'analyst'],
  'outbox:view': ['owner', 'admin'],
  'staff:manage': ['owner', 'admin'],
  'organisations:manage': ['owner', 'admin'],
  'audit:view': ['owner', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
