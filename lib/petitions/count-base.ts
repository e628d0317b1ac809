import 'server-only';

/**
 * The signer's thank-you shows the exact count including their own signature. Counting every row
 * on every signature is O(signatures) and dominated the benchmark's tail, so the signing statement
 * counts incrementally from a base kept per process: "N signatures were created at or before T",
 * where T is at least a second in the past, so every transaction that could add a row at or before
 * T has committed (a signing statement takes milliseconds). Each signature then scans only rows
 * newer than the base (an index range scan on (campaign_id, created_at)) and hands back a newer
 * base. Every minute the base is dropped and rebuilt from a full count, which also heals anything
 * written with an old created_at (an import) or a pathological stall longer than the margin.
 */
export type CountBase = { campaignId: string; count: number; at: string };

const FULL_RECOUNT_MS = 60_000;

type Entry = { base: CountBase; since: number };
const g = globalThis as unknown as { __ratifyCountBase?: Map<string, Entry> };
const memo = () => (g.__ratifyCountBase ??= new Map());

export function getCountBase(slug: string): CountBase | null {
  const hit = memo().get(slug);
  if (!hit) return null;
  if (Date.now() - hit.since > FULL_RECOUNT_MS) {
    memo().delete(slug);
    return null;
  }
  return hit.base;
}

/** Keep the newest base (statements finish out of order); a recount starts a new minute. */
export function rememberCountBase(slug: string, base: CountBase, fromFullCount: boolean): void {
  const hit = memo().get(slug);
  if (hit && hit.base.campaignId === base.campaignId && hit.base.at >= base.at) return;
  memo().set(slug, { base, since: fromFullCount || !hit ? Date.now() : hit.since });
}

/** Tests that rebuild the database between cases. */
export function forgetCountBases(): void {
  g.__ratifyCountBase?.clear();
}
