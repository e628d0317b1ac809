import type { Metadata } from 'next';
import { connection } from 'next/server';
import { SignInProblem } from '@/components/auth/sign-in-problem';
import { Button } from '@/components/ui/button';
import { SignInLinkQuery, callbackAction, isSignInLinkUsable } from '@/lib/auth/sign-in-link';

export const metadata: Metadata = {
  title: 'Sign in',
  robots: { index: false, follow: false },
  // The token is in this page's URL: never send it on to another site.
  referrer: 'no-referrer',
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Opening the emailed link only shows this page; the button's POST signs in (see
// lib/auth/sign-in-link.ts: mail scanners open links, and the token works once).
export default async function SignInLinkPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const query = SignInLinkQuery.safeParse({ token: one(raw.token), email: one(raw.email), callbackUrl: one(raw.callbackUrl) });
  if (!query.success || !(await isSignInLinkUsable(query.data))) {
    return (
      <SignInProblem
        title="That sign-in link no longer works"
        body="Each link works once and only for 15 minutes. If it looks cut short, copy the whole link from the email."
      />
    );
  }

  return (
    <div className="max-w-xl border-l-4 border-brand-600 pl-5">
      <h1 className="text-3xl font-bold">Sign in</h1>
      <p className="mt-3 text-lg">
        Sign in as <strong className="break-all">{query.data.email}</strong>. The link works once, for 15 minutes.
      </p>
      <form method="post" action={callbackAction(query.data)} className="mt-6">
        <Button className="min-h-12 text-base">Sign in</Button>
      </form>
      <p className="mt-6 text-base text-muted">Not you, or did not ask to sign in? Close this page; nothing happens.</p>
    </div>
  );
}
