'use client';

import { useEffect, useState } from 'react';

export type LiveCampaign = { count?: number; guardToken?: string };

/**
 * The view beacon: one POST per page view (counted server-side by day and source, no cookie), whose
 * answer carries the current count and a fresh anti-bot timestamp — the cached page's own may be
 * minutes old. Without JS neither is needed: the cached page already holds a count and a token.
 */
export function useLiveCampaign(slug: string): LiveCampaign {
  const [live, setLive] = useState<LiveCampaign>({});
  useEffect(() => {
    const controller = new AbortController();
    const source = new URLSearchParams(window.location.search).get('source') ?? '';
    fetch(`/api/campaigns/${encodeURIComponent(slug)}/views`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source }),
      signal: controller.signal,
    })
      .then((res) => (res.ok ? res.json() : null))
      .then((body: { count?: number; formToken?: string } | null) => {
        if (body) setLive({ count: body.count, guardToken: body.formToken });
      })
      .catch(() => {});
    return () => controller.abort();
  }, [slug]);
  return live;
}
