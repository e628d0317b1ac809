// @ts-check

/**
 * @typedef {{
 *   entry: { lastModified: number, value: unknown, cacheControl?: unknown },
 *   tags: string[],
 *   lastModified: number,
 *   staleAt: number,
 *   expiresAt: number,
 *   size: number,
 * }} LocalEntry
 */

/**
 * The instance's own copy of recently used entries, bounded in bytes (least recently used goes
 * first). Never trusted alone: every read is checked against the shared tag invalidations first
 * (shared-cache.mjs), so it only saves the round trip and the deserialising.
 */
export class LocalEntries {
  /** @param {number} maxBytes 0 keeps nothing */
  constructor(maxBytes) {
    this.maxBytes = Math.max(0, maxBytes);
    this.bytes = 0;
    /** @type {Map<string, LocalEntry>} insertion order = recency */
    this.map = new Map();
  }

  /** @param {string} key */
  get(key) {
    const e = this.map.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= Date.now()) {
      this.delete(key);
      return undefined;
    }
    this.map.delete(key);
    this.map.set(key, e);
    return e;
  }

  /** @param {string} key @param {LocalEntry} e */
  set(key, e) {
    this.delete(key);
    if (e.size > this.maxBytes) return;
    this.map.set(key, e);
    this.bytes += e.size;
    for (const [oldest, old] of this.map) {
      if (this.bytes <= this.maxBytes) break;
      this.map.delete(oldest);
      this.bytes -= old.size;
    }
  }

  /** @param {string} key */
  delete(key) {
    const e = this.map.get(key);
    if (!e) return;
    this.map.delete(key);
    this.bytes -= e.size;
  }
}
