// @ts-check

/** @typedef {import('./pg-cache-store.mjs').CacheStore} CacheStore */

// Re-read invalidations written since the last look, overlapping by this much: a row stamped
// just before our last read but committed just after it is still seen.
const OVERLAP_MS = 5_000;

/**
 * When each tag was last invalidated, as far as this instance knows. With a shared store it
 * re-reads the invalidations other instances wrote at most every `refreshMs` (on the next request,
 * before any entry is trusted), so an edit through one instance is what all of them serve within
 * that time. Without a store (one process) it only holds its own invalidations.
 */
export class TagClock {
  /**
   * @param {CacheStore | null} store
   * @param {{ refreshMs: number, warn: (err: unknown, msg: string) => void }} options
   */
  constructor(store, { refreshMs, warn }) {
    this.store = store;
    this.refreshMs = refreshMs;
    this.warn = warn;
    /** @type {Map<string, number>} */
    this.expiredAt = new Map();
    /** @type {number | null} */
    this.since = null;
    this.checkedAt = -Infinity;
    /** @type {Promise<void> | null} */
    this.inFlight = null;
  }

  /** True when any of `tags` was invalidated after `lastModified`. */
  /** @param {string[]} tags @param {number} lastModified */
  expires(tags, lastModified) {
    for (const tag of tags) {
      const at = this.expiredAt.get(tag);
      if (at !== undefined && at > lastModified) return true;
    }
    return false;
  }

  /** @param {string} tag @param {number} at */
  note(tag, at) {
    const known = this.expiredAt.get(tag);
    if (known === undefined || at > known) this.expiredAt.set(tag, at);
  }

  /**
   * Catch up with the shared invalidations. A failure is logged and the last known state kept:
   * the cache then serves what it has rather than failing the request (Next's contract).
   */
  refresh() {
    if (!this.store || performance.now() - this.checkedAt < this.refreshMs) return Promise.resolve();
    const store = this.store;
    this.inFlight ??= (async () => {
      try {
        const { now, tags } = await store.tagsSince(this.since);
        for (const t of tags) this.note(t.tag, t.expiredAt);
        this.since = now - OVERLAP_MS;
      } catch (err) {
        this.warn(err, 'cache: could not read tag invalidations; serving what this instance knows');
      } finally {
        this.checkedAt = performance.now();
        this.inFlight = null;
      }
    })();
    return this.inFlight;
  }
}
