// @ts-check
import postgres from 'postgres';
import { MAX_KEEP_MS } from './entry-meta.mjs';

/**
 * @typedef {{ value: Buffer, tags: string[], lastModified: number }} StoredEntry
 * @typedef {{
 *   get(key: string, newerThan?: number): Promise<StoredEntry | null>,
 *   put(key: string, value: Buffer, tags: string[], ageMs: number, keepMs: number): Promise<number | null>,
 *   expireTags(tags: string[]): Promise<{ tag: string, expiredAt: number }[]>,
 *   tagsSince(since: number | null): Promise<{ now: number, tags: { tag: string, expiredAt: number }[] }>,
 *   sweep(): Promise<void>,
 *   close(): Promise<void>,
 * }} CacheStore
 */

// Milliseconds on the database's clock: every instance stamps entries and invalidations with the
// same clock, so a skewed server clock cannot make an old page look newer than an edit.
const NOW_MS = 'extract(epoch from clock_timestamp()) * 1000';

// A cache query that has not answered by then is given up (and cancelled): the caller treats it as a
// failed read and renders afresh. Seen in the database-restart fault suite: a query issued while
// PostgreSQL restarted never settled, and every page render waiting on the cache hung with it.
const QUERY_TIMEOUT_MS = 5_000;

/**
 * @template T
 * @param {Promise<T> & { cancel?: () => unknown }} query
 * @returns {Promise<T>}
 */
function timed(query) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      Promise.resolve(query.cancel?.()).catch(() => {});
      reject(Object.assign(new Error(`cache query timed out after ${QUERY_TIMEOUT_MS} ms`), { code: 'ETIMEDOUT' }));
    }, QUERY_TIMEOUT_MS);
  });
  return /** @type {Promise<T>} */ (Promise.race([query, timeout]).finally(() => clearTimeout(timer)));
}

/**
 * The shared half of the cache: tables `next_cache_entries` and `next_cache_tags` (migration
 * 0002), through a small pool of its own — the cache handler lives outside the app's bundles and
 * must not hold the app's connections while a page renders.
 * @param {string} url
 * @param {{ max?: number }} [options]
 * @returns {CacheStore}
 */
export function openPgCacheStore(url, { max = 3 } = {}) {
  // A short fixed reconnect backoff, as the app's pool has (db/client.ts): fail fast in an outage.
  const sql = postgres(url, { max, onnotice: () => {}, idle_timeout: 30, connect_timeout: 5, backoff: () => 0.25 });
  return {
    // `newerThan`: the stamp of the copy the caller holds; an entry no newer is not sent again.
    async get(key, newerThan = -1) {
      const [row] = await timed(sql`
        select value, tags, last_modified from next_cache_entries
        where key = ${key} and expires_at > now() and last_modified > ${newerThan}`);
      return row ? { value: row.value, tags: row.tags, lastModified: Number(row.last_modified) } : null;
    },

    // `ageMs`: how long ago the render that produced it began. Stamping the entry with that time
    // (not the time it is stored) means an edit that lands while a page is rendering expires the
    // page it produces, which may hold the data from before the edit. An older render never
    // replaces a newer one. Answers the stamp, or null when a newer entry was kept.
    async put(key, value, tags, ageMs, keepMs) {
      const [row] = await timed(sql`
        insert into next_cache_entries (key, value, tags, last_modified, expires_at)
        select ${key}, ${value}, ${tags}::text[], m.at, to_timestamp((m.at + ${keepMs}) / 1000.0)
        from (select (${sql.unsafe(NOW_MS)})::bigint - ${Math.max(0, Math.round(ageMs))} as at) m
        on conflict (key) do update
          set value = excluded.value, tags = excluded.tags, last_modified = excluded.last_modified,
              expires_at = excluded.expires_at
          where next_cache_entries.last_modified <= excluded.last_modified
        returning last_modified`);
      return row ? Number(row.last_modified) : null;
    },

    async expireTags(tags) {
      const rows = await timed(sql`
        insert into next_cache_tags (tag, expired_at, updated_at)
        select t, (${sql.unsafe(NOW_MS)})::bigint, clock_timestamp() from unnest(${tags}::text[]) t
        on conflict (tag) do update set expired_at = excluded.expired_at, updated_at = excluded.updated_at
        returning tag, expired_at`);
      return rows.map((r) => ({ tag: r.tag, expiredAt: Number(r.expired_at) }));
    },

    // Reads every invalidation since `since` (all of them the first time), in one round trip.
    async tagsSince(since) {
      const [row] = await timed(sql`
        select (${sql.unsafe(NOW_MS)})::bigint as now,
          coalesce((select json_agg(json_build_array(tag, expired_at)) from next_cache_tags
                    where updated_at > to_timestamp(${since ?? 0} / 1000.0)), '[]'::json) as tags`);
      /** @type {[string, number | string][]} */
      const pairs = row.tags;
      return { now: Number(row.now), tags: pairs.map(([tag, at]) => ({ tag, expiredAt: Number(at) })) };
    },

    // An invalidation matters only while an older entry may exist: entries live at most
    // MAX_KEEP_MS, so older tag rows can go (with a day's margin).
    async sweep() {
      await timed(sql`delete from next_cache_entries where expires_at < now()`);
      await timed(sql`delete from next_cache_tags where updated_at < now() - make_interval(secs => ${(MAX_KEEP_MS + 86_400_000) / 1000})`);
    },

    close: () => sql.end({ timeout: 5 }),
  };
}
