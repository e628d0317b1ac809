import { SkipLink } from '@/components/ui/skip-link';
import { cachedCoalition } from '@/lib/campaigns/public-cache';

// No dynamic API here: the campaign page below is served from cache, and a layout that read the
// request would make every public page render per request. The coalition comes from the data
// cache (tag `coalition`). Plain <a> links on the cached public pages, not next/link: a cached
// page loads in one request anyway, and next/link adds about 3 kB of gzipped JS to every page
// (npm run bench:pages prints the figures).
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const coalition = await cachedCoalition();
  return (
    <>
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load of a cached page (see above) */}
          <a href="/" className="text-lg font-bold text-brand-800 no-underline">
            {coalition.name}
          </a>
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
