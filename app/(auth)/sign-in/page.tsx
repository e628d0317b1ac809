import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeCallbackPath } from '@/lib/auth/safe-redirect';
import { getStaffSession } from '@/lib/auth/session';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Staff sign-in', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(one(params.callbackUrl));
  if (await getStaffSession()) redirect(callbackUrl);
  const email = (one(params.email) ?? '').slice(0, 254);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Sign in</h1>
        <p className="mt-2 text-muted">
          For coalition staff. Enter the address you were invited with and we’ll email you a sign-in link. No
          password needed.
        </p>
      </div>
      {one(params.signedOut) && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm font-medium text-green-900">
          You have signed out.
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} defaultEmail={email} />
    </div>
  );
}
