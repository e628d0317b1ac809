import type { SenatorCard, SenatorLookup } from '@/lib/senators/schemas';

export type { SenatorCard, SenatorLookup };

/** What the lookup shows: the query as typed, and the answer or the error. Plain JSON. */
export type LookupView = {
  zip: string;
  state: string;
  result: SenatorLookup | null;
  error?: { message: string; fieldErrors?: Record<string, string[]> };
};

/** The write page's URL for a query (the GET forms' target, and what `replaceState` writes). */
export function writeUrl(slug: string, q: { zip?: string; state?: string; source?: string }): string {
  const params = new URLSearchParams();
  if (q.zip) params.set('zip', q.zip);
  if (q.state) params.set('state', q.state);
  if (q.source) params.set('source', q.source);
  const qs = params.toString();
  return `/c/${encodeURIComponent(slug)}/write${qs ? `?${qs}` : ''}`;
}
