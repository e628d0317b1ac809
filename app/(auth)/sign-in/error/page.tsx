import type { Metadata } from 'next';
import { SignInProblem } from '@/components/auth/sign-in-problem';

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
  return <SignInProblem title={title} body={body} />;
}
