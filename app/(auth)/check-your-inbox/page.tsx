import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Check your inbox', robots: { index: false } };

// The same page whether or not the address belongs to staff, and whether or not a mail went out
// (rate limits): it must never tell a stranger which addresses have accounts.
export default function CheckYourInboxPage() {
  return (
    <div className="max-w-xl border-l-4 border-brand-600 pl-5">
      <h1 className="text-3xl font-bold">Check your inbox</h1>
      <div className="mt-3 space-y-3 text-lg">
        <p>If that address belongs to a member of staff, a sign-in link is on its way. It works once, for 15 minutes.</p>
        <p className="text-base text-muted">
          Nothing after a few minutes? Check your spam folder, make sure you used the address you were invited with,
          or ask an administrator. Repeated requests are limited, so wait a little before trying again.
        </p>
      </div>
      <p className="mt-6">
        <Link href="/sign-in" className="font-semibold text-brand-700 underline">
          Back to sign-in
        </Link>
      </p>
    </div>
  );
}
