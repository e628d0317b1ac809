'use client';

import { useUrlSource } from './use-client-value';

/**
 * Hidden `source` field filled from the page's `?source=` in the browser: the campaign page is
 * served from cache and never sees its query string. Without JS it stays empty and the server
 * falls back to the Referer (lib/campaigns/read-source.ts).
 */
export function SourceInput({ initial }: { initial?: string }) {
  const fromUrl = useUrlSource();
  return <input type="hidden" name="source" value={initial || fromUrl} />;
}
