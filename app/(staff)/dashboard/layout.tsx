import type { Metadata } from 'next';
import { StaffShell } from '@/components/dashboard/shell/staff-shell';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { getCoalition } from '@/lib/organisations/get-coalition';

export const metadata: Metadata = { title: { default: 'Dashboard', template: '%s · Dashboard' }, robots: { index: false } };

// This check draws the frame only: each page calls requireStaffPage with its own permission, because
// layouts are not re-run on client navigation and never guard server actions.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireStaffPage('dashboard:view');
  const coalition = await getCoalition();
  return (
    <StaffShell user={user} coalitionName={coalition.name}>
      {children}
    </StaffShell>
  );
}
