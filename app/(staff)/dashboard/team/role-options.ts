import { roleLabels } from '@/components/dashboard/shell/sections';
import { roles, type Role } from '@/lib/auth/permissions';

// What each role is for, shown beside the invite form (permissions.ts is the source of truth).
export const roleSummaries: Record<Role, string> = {
  owner: 'Everything, including managing owners.',
  admin: 'Everything except changing owners.',
  editor: 'Campaigns and senators; never sees people.',
  analyst: 'People, letters, exports and analytics; edits nothing.',
  viewer: 'Read-only overview, campaigns and analytics.',
  partner: 'Staff of one partner organisation: its own referral figures and the people who opted in to it.',
};

/** The roles this actor may hand out: only owners create owners. */
export function assignableRoles(actorRole: Role) {
  return roles.filter((r) => actorRole === 'owner' || r !== 'owner').map((r) => ({ value: r, label: roleLabels[r] }));
}
