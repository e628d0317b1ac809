// @ts-check
// Next.js's `cacheHandler` (next.config.ts): the page (ISR), route-response and `unstable_cache`
// data cache, kept in PostgreSQL so every instance serves the same thing and an invalidation
// through one reaches all of them (shared-cache.mjs says how). Next creates one of these per
// request; the cache behind it is one per process.
//
// Without DATABASE_URL (the embedded PGlite database, owned by exactly one server process) the
// cache lives in that process's memory: there is no other instance to share with, and a cache
// that dies with the process can never outlive its database — the old disk cache served pages
// with form tokens signed by a deleted database's salt. During `next build` there is no database
// either: the build's renders stay in memory and are never served (the handler only knows what a
// running instance stored).
import { openPgCacheStore } from './pg-cache-store.mjs';
import { SharedCache } from './shared-cache.mjs';

const CACHE = Symbol.for('ratify.nextCache');
const DEFAULT_MEMORY_BYTES = 50 * 1024 * 1024;

/** @param {unknown} err @param {string} msg */
function warn(err, msg) {
  // The app's pino logger when the app has loaded it (lib/log/logger.ts), else the console.
  const log = /** @type {{ __ratifyLogger?: { warn(o: object, m: string): void } }} */ (globalThis).__ratifyLogger;
  if (log) log.warn({ err }, msg);
  else console.warn(msg, err);
}

/**
 * @param {number | undefined} maxMemoryCacheSize Next's `cacheMaxMemorySize`: sizes the local copy
 * @returns {SharedCache}
 */
function processCache(maxMemoryCacheSize) {
  const g = /** @type {Record<symbol, SharedCache | undefined>} */ (/** @type {unknown} */ (globalThis));
  let cache = g[CACHE];
  if (!cache) {
    const url = process.env.DATABASE_URL;
    const building = process.env.NEXT_PHASE === 'phase-production-build';
    const store = url && !building ? openPgCacheStore(url) : null;
    cache = new SharedCache({ store, maxMemoryBytes: maxMemoryCacheSize ?? DEFAULT_MEMORY_BYTES, warn });
    g[CACHE] = cache;
  }
  return cache;
}

export default class NextCacheHandler {
  /** @param {{ maxMemoryCacheSize?: number }} ctx */
  constructor(ctx) {
    this.cache = processCache(ctx.maxMemoryCacheSize);
    // Entries this request stores are stamped with its start (see pg-cache-store.mjs put()).
    this.startedAt = Date.now();
  }

  /** @param {string} key @param {import('./entry-meta.mjs').EntryContext} ctx */
  get(key, ctx) {
    return this.cache.get(key, ctx);
  }

  /**
   * @param {string} key
   * @param {import('./entry-meta.mjs').EntryValue} data
   * @param {import('./entry-meta.mjs').EntryContext} ctx
   */
  set(key, data, ctx) {
    return this.cache.set(key, data, ctx, this.startedAt);
  }

  // Durations ('max', { expire }) are not told apart: any invalidation expires the entries at
  // once, so the next visitor gets the change rather than one last stale page. Ratify asks for
  // exactly that everywhere (lib/campaigns/cache-tags.ts).
  /** @param {string | string[]} tags */
  revalidateTag(tags) {
    return this.cache.revalidateTag(typeof tags === 'string' ? [tags] : tags);
  }

  resetRequestCache() {}
}
