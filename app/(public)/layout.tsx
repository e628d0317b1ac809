import Link from 'next/link';
import { SkipLink } from '@/components/ui/skip-link';
import { cachedCoalition } from '@/lib/campaigns/public-cache';

// No dynamic API here: the campaign page below is served from cache, and a layout that read the
// request would make every public page render per request. The coalition comes from the data
// cache (tag `coalition`).
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const coalition = await cachedCoalition();
  return (
    <>
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/" className="text-lg font-bold text-brand-800 no-underline">
            {coalition.name}
          </Link>
          <span className="hidden text-sm text-muted sm:inline">Powered by Ratify</span>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <footer className="mt-12 border-t border-slate-200 bg-white">
        <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-muted">
          <p>
            {coalition.name}
            {coalition.tagline ? ` — ${coalition.tagline}` : ''}
          </p>
        </div>
      </footer>
    </>
  );
}
