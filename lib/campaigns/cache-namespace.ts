import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/raw';

const g = globalThis as unknown as { __ratifyCacheNamespace?: Promise<string> };

/**
 * A random id minted once per database (kept in app_settings), prefixed to every data-cache key.
 * Next keeps the data cache on disk across restarts, so without it a server pointed at a new or
 * reset database would serve the old one's campaign ids and counts. One query per process.
 */
export function getDataCacheNamespace(): Promise<string> {
  g.__ratifyCacheNamespace ??= (async () => {
    const [row] = await queryRows<{ value: string }>(
      getDb(),
      sql`with ins as (
            insert into app_settings (key, value) values ('data_cache_namespace', gen_random_uuid()::text)
            on conflict (key) do nothing returning value
          )
          select value from ins union all select value from app_settings where key = 'data_cache_namespace' limit 1`,
    );
    return row.value;
  })().catch((err: unknown) => {
    g.__ratifyCacheNamespace = undefined; // retry on the next request rather than caching a failure
    throw err;
  });
  return g.__ratifyCacheNamespace;
}
