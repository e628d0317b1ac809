import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Sign-in problem', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Auth.js sends its errors here (?error=Verification | AccessDenied | Configuration | …).
const messages: Record<string, { title: string; body: string }> = {
  Verification: {
    title: 'That sign-in link no longer works',
    body: 'Each link works once and only for 15 minutes. Request a new one below.',
  },
  AccessDenied: {
    title: 'You can’t sign in with that address',
    body: 'Staff access for this address has ended or was never set up. Ask an administrator if you think this is a mistake.',
  },
};
const fallback = { title: 'Something went wrong signing you in', body: 'Please request a new sign-in link.' };

export default async function SignInErrorPage({ searchParams }: { searchParams: SearchParams }) {
  const { error } = await searchParams;
  const { title, body } = messages[typeof error === 'string' ? error : ''] ?? fallback;
  return (
    <div className="max-w-xl border-l-4 border-amber-500 pl-5">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mt-3 text-lg">{body}</p>
      <p className="mt-6">
        <Link href="/sign-in" className="font-semibold text-brand-700 underline">
          Request a new sign-in link
        </Link>
      </p>
    </div>
  );
}
