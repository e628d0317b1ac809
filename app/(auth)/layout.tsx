import Link from 'next/link';
import { connection } from 'next/server';
import { SkipLink } from '@/components/ui/skip-link';
import { getCoalition } from '@/lib/organisations/get-coalition';

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const coalition = await getCoalition();
  return (
    <>
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/" className="text-lg font-bold text-brand-800 no-underline">
            {coalition.name}
          </Link>
          <span className="text-sm text-muted">Staff</span>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-xl px-4 py-10">
        {children}
      </main>
    </>
  );
}
