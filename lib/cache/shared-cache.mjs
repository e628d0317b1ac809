// @ts-check
import { deserialize, serialize } from 'node:v8';
import { entryTags, keepMs, readTags, revalidateSeconds } from './entry-meta.mjs';
import { LocalEntries } from './local-entries.mjs';
import { TagClock } from './tag-clock.mjs';

/**
 * @typedef {import('./pg-cache-store.mjs').CacheStore} CacheStore
 * @typedef {import('./entry-meta.mjs').EntryContext} EntryContext
 * @typedef {import('./entry-meta.mjs').EntryValue} EntryValue
 * @typedef {import('./local-entries.mjs').LocalEntry} LocalEntry
 * @typedef {{ lastModified: number, value: unknown, cacheControl?: unknown }} CacheData
 */

const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * Next.js's cache (pages, route responses, `unstable_cache` data) for one server process: entries
 * and invalidations in the shared store when there is one, with a bounded local copy in front.
 * Every read first catches up with the shared invalidations (TagClock) and drops any entry
 * stamped before the last invalidation of one of its tags, wherever it came from. Entries are
 * v8-serialised: they hold Buffers and Maps (RSC payloads, segment data) that JSON would lose.
 * Without a store (the embedded database: one process by design) the local copy is the cache.
 */
export class SharedCache {
  /**
   * @param {{ store: CacheStore | null, maxMemoryBytes: number, refreshMs?: number,
   *           warn?: (err: unknown, msg: string) => void }} options
   */
  constructor({ store, maxMemoryBytes, refreshMs = 250, warn = () => {} }) {
    this.store = store;
    this.warn = warn;
    this.local = new LocalEntries(maxMemoryBytes);
    this.tags = new TagClock(store, { refreshMs, warn });
    this.sweptAt = performance.now();
  }

  /**
   * @param {string} key
   * @param {EntryContext} ctx
   * @returns {Promise<CacheData | null>}
   */
  async get(key, ctx) {
    await this.tags.refresh();
    const extra = readTags(ctx);
    let hit = this.local.get(key);
    if (hit && this.tags.expires([...hit.tags, ...extra], hit.lastModified)) {
      this.local.delete(key);
      hit = undefined;
    }
    // A fresh local copy is enough; a stale one may have been re-rendered by another instance.
    if (hit && (!this.store || hit.staleAt > Date.now())) return hit.entry;
    if (!this.store) return null;
    try {
      const row = await this.store.get(key, hit?.lastModified);
      if (row && !this.tags.expires([...row.tags, ...extra], row.lastModified)) {
        const { value, cacheControl } = deserialize(row.value);
        const entry = { lastModified: row.lastModified, value, cacheControl };
        this.local.set(key, this.localEntry(entry, row.tags, row.value.byteLength, ctx));
        return entry;
      }
    } catch (err) {
      this.warn(err, 'cache: read failed; rendering afresh');
    }
    return hit?.entry ?? null;
  }

  /**
   * @param {string} key
   * @param {EntryValue} value
   * @param {EntryContext} ctx
   * @param {number} startedAt when the request that rendered it began (Date.now())
   */
  async set(key, value, ctx, startedAt) {
    const tags = entryTags(value, ctx);
    const cacheControl = value?.kind === 'FETCH' ? undefined : ctx.cacheControl;
    const bytes = serialize({ value, cacheControl });
    const ageMs = Date.now() - startedAt;
    let lastModified = startedAt;
    if (this.store) {
      try {
        const stamped = await this.store.put(key, bytes, tags, ageMs, keepMs(value, ctx));
        if (stamped === null) return; // another instance stored a newer render meanwhile
        lastModified = stamped;
      } catch (err) {
        this.warn(err, 'cache: write failed; this instance keeps its own copy');
      }
      this.maybeSweep();
    }
    this.local.set(key, this.localEntry({ lastModified, value, cacheControl }, tags, bytes.byteLength, ctx));
  }

  /** @param {string[]} tags */
  async revalidateTag(tags) {
    if (tags.length === 0) return;
    if (!this.store) {
      const now = Date.now();
      for (const tag of tags) this.tags.note(tag, now);
      return;
    }
    // An edit already committed: a failure here must not turn the staff member's save into an
    // error. Other instances then serve the old page until its own revalidate time (at most a
    // few minutes, lib/campaigns/public-cache.ts), so it is logged loudly.
    try {
      for (const t of await this.store.expireTags(tags)) this.tags.note(t.tag, t.expiredAt);
    } catch (err) {
      this.warn(err, 'cache: could not share a tag invalidation; other instances stay stale until the entries expire');
      const now = Date.now();
      for (const tag of tags) this.tags.note(tag, now);
    }
  }

  /**
   * @param {CacheData} entry
   * @param {string[]} tags
   * @param {number} size
   * @param {EntryContext} ctx
   * @returns {LocalEntry}
   */
  localEntry(entry, tags, size, ctx) {
    const value = /** @type {EntryValue} */ (entry.value);
    // At read time Next passes no cacheControl: the stored one is the entry's own.
    const withControl = { ...ctx, cacheControl: /** @type {EntryContext['cacheControl']} */ (entry.cacheControl) ?? ctx.cacheControl };
    const r = revalidateSeconds(value, withControl);
    return {
      entry,
      tags,
      lastModified: entry.lastModified,
      staleAt: r === undefined ? Infinity : entry.lastModified + r * 1000,
      expiresAt: entry.lastModified + keepMs(value, withControl),
      size,
    };
  }

  /** Expired rows go now and then, from whichever instance writes; deletes are safe to race. */
  maybeSweep() {
    if (!this.store || performance.now() - this.sweptAt < SWEEP_EVERY_MS) return;
    this.sweptAt = performance.now();
    this.store.sweep().catch((err) => this.warn(err, 'cache: sweep failed'));
  }
}
