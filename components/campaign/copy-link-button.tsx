'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useHydrated } from './use-client-value';

/** Rendered only once JS runs (without it, the readonly URL field beside it is the way to copy). */
export function CopyLinkButton({ url }: { url: string }) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  if (!hydrated) return null;
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        Copy link
      </Button>
      <span role="status" className="text-sm text-muted">
        {copied ? 'Link copied' : ''}
      </span>
    </>
  );
}
