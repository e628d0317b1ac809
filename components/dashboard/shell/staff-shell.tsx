import Link from 'next/link';
import type { ReactNode } from 'react';
import { SkipLink } from '@/components/ui/skip-link';
import type { StaffUser } from '@/lib/auth/session';
import { DashboardNav } from './dashboard-nav';
import { roleLabels, sectionsFor } from './sections';
import { SignOutForm } from './sign-out-form';

/** The staff frame: banner (coalition, who is signed in, sign out), the role's nav, the main region. */
export function StaffShell({ user, coalitionName, children }: { user: StaffUser; coalitionName: string; children: ReactNode }) {
  const items = sectionsFor(user.role).map(({ href, label }) => ({ href, label }));
  return (
    <>
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/dashboard" className="text-lg font-bold text-brand-800 no-underline">
            {coalitionName} <span className="font-normal text-muted">· Staff</span>
          </Link>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <p>
              <span className="sr-only">Signed in as </span>
              <span className="font-medium">{user.email}</span>{' '}
              <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-slate-700">
                {roleLabels[user.role]}
              </span>
            </p>
            <SignOutForm />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 lg:flex-row">
        <aside className="lg:w-52 lg:shrink-0">
          <DashboardNav items={items} />
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </>
  );
}
