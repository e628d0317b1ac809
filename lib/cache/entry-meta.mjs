// @ts-check
// What the cache needs to know about an entry Next.js hands it: its tags, when it goes stale and
// how long to keep it. Plain JS (no TypeScript, no `@/` imports): Next loads the cache handler
// with a bare `import()` at run time, outside its bundles.

const TAGS_HEADER = 'x-next-cache-tags';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The sweep never keeps an entry longer than this; tag rows outlive it (see pg-cache-store.mjs). */
export const MAX_KEEP_MS = 7 * DAY_MS;
/** A page that answered 404 is cheap to render again and may be any slug a bot tried: keep briefly. */
const NOT_FOUND_KEEP_MS = 60_000;

/**
 * @typedef {{ kind?: string, tags?: string[], softTags?: string[], cacheControl?: { revalidate?: number | false, expire?: number } }} EntryContext
 * @typedef {{ kind?: string, headers?: Record<string, unknown>, status?: number, revalidate?: number | false } | null} EntryValue
 */

/**
 * The tags an entry answers to. A page or route response carries its own (explicit tags from the
 * `unstable_cache` calls it made, and the path's implicit `_N_T_` tags) in a header; a data entry
 * gets them in `set()`'s context.
 * @param {EntryValue} value
 * @param {EntryContext} ctx
 * @returns {string[]}
 */
export function entryTags(value, ctx) {
  const header = value?.headers?.[TAGS_HEADER];
  const fromHeader = typeof header === 'string' && header ? header.split(',') : [];
  return [...new Set([...fromHeader, ...(ctx.tags ?? [])])];
}

/**
 * Tags to check at read time besides the stored ones: a data entry read while rendering a page
 * also expires with that page's path tags (what `revalidatePath` invalidates).
 * @param {EntryContext} ctx
 */
export function readTags(ctx) {
  return [...(ctx.tags ?? []), ...(ctx.softTags ?? [])];
}

/**
 * Seconds after which the entry is stale (Next then renders a fresh one in the background), or
 * undefined when only a tag invalidation ends it.
 * @param {EntryValue} value
 * @param {EntryContext} ctx
 * @returns {number | undefined}
 */
export function revalidateSeconds(value, ctx) {
  const r = value?.kind === 'FETCH' ? value.revalidate : ctx.cacheControl?.revalidate;
  return typeof r === 'number' && r > 0 ? r : undefined;
}

/**
 * How long the store keeps an entry: a day past going stale for a page, an hour for data (a page
 * or datum someone still uses is refreshed long before), at most a week, and at most the route's
 * own `expire`.
 * @param {EntryValue} value
 * @param {EntryContext} ctx
 */
export function keepMs(value, ctx) {
  const staleMs = (revalidateSeconds(value, ctx) ?? 0) * 1000;
  const grace = value?.status === 404 ? NOT_FOUND_KEEP_MS : value?.kind === 'FETCH' ? HOUR_MS : DAY_MS;
  let keep = Math.min(MAX_KEEP_MS, staleMs + grace);
  const expire = ctx.cacheControl?.expire;
  if (typeof expire === 'number' && expire > 0) keep = Math.min(keep, expire * 1000);
  return Math.max(keep, 1000);
}
