import type { Role } from '@/lib/auth/permissions';

export type StaffStatus = 'active' | 'invited' | 'revoked';

/** What the team page needs about a colleague; nothing about their sessions or tokens. */
export type StaffMemberDto = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  status: StaffStatus;
  lastSignInAt: string | null;
  createdAt: string;
};

export function staffStatus(row: { revokedAt: Date | null; lastSignInAt: Date | null }): StaffStatus {
  if (row.revokedAt) return 'revoked';
  return row.lastSignInAt ? 'active' : 'invited';
}
