import { SourceField } from '@/lib/petitions/schemas';

/**
 * The `?source=` a visitor arrived with. The campaign page is served from cache and never reads
 * its query string, so forms fill their hidden `source` field in the browser; without JS the field
 * is empty and the Referer (same-origin, so it keeps its query under our Referrer-Policy) stands in.
 */
export function readActionSource(formValue: unknown, referer: string | null | undefined): string | undefined {
  const direct = SourceField.parse(formValue);
  if (direct) return direct;
  if (!referer) return undefined;
  try {
    return SourceField.parse(new URL(referer).searchParams.get('source') ?? undefined);
  } catch {
    return undefined;
  }
}
