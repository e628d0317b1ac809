'use client';

import { useState } from 'react';
import { useHydrated } from './use-client-value';

/** Rendered only once JS runs (without it, the readonly URL field beside it is the way to copy). */
export function CopyLinkButton({ url }: { url: string }) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  if (!hydrated) return null;
  return (
    <>
      <button
        type="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
        className="min-h-11 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
      >
        Copy link
      </button>
      <span role="status" className="text-sm text-muted">
        {copied ? 'Link copied' : ''}
      </span>
    </>
  );
}
