import Link from 'next/link';
import { roleLabels, sectionsFor } from '@/components/dashboard/shell/sections';
import { requireStaffPage } from '@/lib/auth/require-staff';

export default async function DashboardOverviewPage() {
  const user = await requireStaffPage('dashboard:view');
  const sections = sectionsFor(user.role).filter((s) => s.href !== '/dashboard');
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Overview</h1>
        <p className="mt-1 text-muted">
          Welcome{user.name ? `, ${user.name}` : ''}. As {/^[aeiou]/i.test(user.role) ? 'an' : 'a'} {roleLabels[user.role].toLowerCase()} you can open these sections.
        </p>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {sections.map((s) => (
          <li key={s.href} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold">
              <Link href={s.href} className="text-brand-700 underline-offset-2 hover:underline">
                {s.label}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-muted">{s.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
