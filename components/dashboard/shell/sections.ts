import { can, type Permission, type Role } from '@/lib/auth/permissions';

export type DashboardSection = { href: string; label: string; permission: Permission; description: string };

// The permission here must match the one the page itself requires (requireStaffPage), or the nav
// would offer a link that answers 403. tests/support/route-permissions.ts lists the pages' own.
export const dashboardSections: readonly DashboardSection[] = [
  { href: '/dashboard', label: 'Overview', permission: 'dashboard:view', description: 'Where everything is.' },
  { href: '/dashboard/campaigns', label: 'Campaigns', permission: 'campaigns:view', description: 'Stories, letters, goals and treaty stages.' },
  { href: '/dashboard/senators', label: 'Senators', permission: 'campaigns:view', description: 'Where each senator stands against the two-thirds of those present.' },
  { href: '/dashboard/treaties', label: 'Treaties', permission: 'campaigns:view', description: 'Treaties, their current stage and its history.' },
  { href: '/dashboard/people', label: 'People', permission: 'people:view', description: 'Signers and their comments.' },
  { href: '/dashboard/letters', label: 'Letters', permission: 'letters:view', description: 'Letters to senators and their delivery.' },
  { href: '/dashboard/exports', label: 'Exports', permission: 'exports:run', description: 'Signer lists for your CRM or a delivery packet.' },
  { href: '/dashboard/partner', label: 'Partner referrals', permission: 'referrals:view', description: 'What each partner’s ?ref= links brought in; share links.' },
  { href: '/dashboard/partner/people', label: 'Opt-ins', permission: 'consents:view', description: 'People who opted in to an organisation, with the words they agreed to; CSV.' },
  { href: '/dashboard/analytics', label: 'Analytics', permission: 'analytics:view', description: 'Views, signatures and sources over time.' },
  { href: '/dashboard/outbox', label: 'Outbox', permission: 'outbox:view', description: 'Every email queued, sent or failed.' },
  { href: '/dashboard/team', label: 'Team', permission: 'staff:manage', description: 'Invite colleagues and set their roles.' },
  { href: '/dashboard/organisations', label: 'Organisations', permission: 'organisations:manage', description: 'The coalition and its partner organisations: details, opt-in wording, short codes.' },
  { href: '/dashboard/audit', label: 'Audit', permission: 'audit:view', description: 'Who changed what, and when.' },
];

export function sectionsFor(role: Role): DashboardSection[] {
  return dashboardSections.filter((s) => can(role, s.permission));
}

export const roleLabels: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  editor: 'Editor',
  analyst: 'Analyst',
  viewer: 'Viewer',
  partner: 'Partner',
};
