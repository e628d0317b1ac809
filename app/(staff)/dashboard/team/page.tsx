import type { Metadata } from 'next';
import { DataTable, type Column } from '@/components/dashboard/data-table/data-table';
import { formatDateTime } from '@/components/dashboard/data-table/format';
import { roleLabels } from '@/components/dashboard/shell/sections';
import { roles } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/require-staff';
import type { StaffMemberDto } from '@/lib/team/dto';
import { listStaff } from '@/lib/team/list-staff';
import { AccessForm } from './access-form';
import { InviteForm } from './invite-form';
import { RoleForm } from './role-form';
import { listPartners } from '@/lib/organisations/list-partners';
import { assignableRoles, roleSummaries } from './role-options';

export const metadata: Metadata = { title: 'Team' };

const statusLabels = { active: 'Active', invited: 'Invited (not signed in yet)', revoked: 'Revoked' } as const;

export default async function TeamPage() {
  const actor = await requireStaffPage('staff:manage');
  const [staff, partners] = await Promise.all([listStaff({ actor }), listPartners({ actor })]);
  const options = assignableRoles(actor.role);
  // Mirrors the service rules (which enforce them): admins leave owners alone, nobody revokes themselves.
  const mayTouch = (m: StaffMemberDto) => actor.role === 'owner' || m.role !== 'owner';

  // The email cell names the row; row controls point at it with aria-describedby.
  const emailId = (m: StaffMemberDto) => `staff-${m.id}-email`;
  const columns: Column<StaffMemberDto>[] = [
    {
      key: 'email',
      header: 'Email',
      cell: (m) => (
        <span id={emailId(m)} className="break-all font-medium">
          {m.email}
        </span>
      ),
    },
    { key: 'name', header: 'Name', cell: (m) => m.name ?? '—' },
    {
      key: 'role',
      header: 'Role',
      cell: (m) =>
        mayTouch(m) && m.status !== 'revoked' ? (
          <RoleForm userId={m.id} role={m.role} describedBy={emailId(m)} options={m.role === 'partner' ? options : options.filter((o) => o.value !== 'partner')} />
        ) : (
          roleLabels[m.role]
        ),
    },
    { key: 'last', header: 'Last sign-in', cell: (m) => formatDateTime(m.lastSignInAt) },
    { key: 'status', header: 'Status', cell: (m) => statusLabels[m.status] },
    {
      key: 'access',
      header: 'Access',
      cell: (m) => {
        if (m.id === actor.id) return <span className="text-muted">You</span>;
        if (!mayTouch(m)) return <span className="text-muted">Owners only</span>;
        return <AccessForm userId={m.id} revoked={m.status === 'revoked'} describedBy={emailId(m)} />;
      },
    },
  ];

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Team</h1>
        <p className="mt-1 text-muted">
          Everyone listed can sign in by email link. Revoking access signs the person out at once; restoring it lets them
          sign in again with the same role.
        </p>
      </div>

      <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="invite-heading" className="text-lg font-semibold">
          Invite a colleague
        </h2>
        <p className="mt-1 text-sm text-muted">They get an email with a link to sign in; no password is needed.</p>
        <div className="mt-4">
          <InviteForm roleOptions={options} partnerOptions={partners.filter((p) => !p.retired).map((p) => ({ value: p.id, label: p.name }))} />
        </div>
        <details className="mt-4 text-sm">
          <summary className="cursor-pointer font-medium">What each role can do</summary>
          <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[8rem_1fr]">
            {roles.map((r) => (
              <div key={r} className="contents">
                <dt className="font-semibold">{roleLabels[r]}</dt>
                <dd className="text-muted">{roleSummaries[r]}</dd>
              </div>
            ))}
          </dl>
        </details>
      </section>

      <DataTable caption={`Staff (${staff.length})`} columns={columns} rows={staff} rowKey={(m) => m.id} />
    </div>
  );
}
