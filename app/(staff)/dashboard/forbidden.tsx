import Link from 'next/link';

// Rendered (with HTTP 403) when a page's requireStaffPage finds the role lacks the permission.
// Needs `experimental.authInterrupts` in next.config.ts; without it the status is still 403.
export default function DashboardForbidden() {
  return (
    <div className="max-w-xl border-l-4 border-amber-500 pl-5">
      <h1 className="text-2xl font-bold">You don’t have access to this page</h1>
      <p className="mt-3">Your role does not include this section. If you need it, ask an owner or admin to change your role.</p>
      <p className="mt-6">
        <Link href="/dashboard" className="font-semibold text-brand-700 underline">
          Back to the overview
        </Link>
      </p>
    </div>
  );
}
