import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { appSettings } from '@/db/schema';

// A secret from the environment wins; otherwise one is generated once and kept in Postgres, so a
// zero-config start works and every instance over the same database shares it.
//
// `db` may be the caller's transaction (sealing a link inside one): on PGlite a query outside it would
// wait for it to finish, forever. A secret first created inside a transaction is not cached, since
// the transaction may still roll back; the next call reads the committed row.
export async function getAppSecret(key: 'auth_secret' | 'hash_salt', fromEnv?: string, db?: DbOrTx): Promise<string> {
  if (fromEnv) return fromEnv;
  const g = globalThis as unknown as { __ratifySecrets?: Map<string, string> };
  const cache = (g.__ratifySecrets ??= new Map());
  const hit = cache.get(key);
  if (hit) return hit;
  const conn = db ?? getDb();
  const [existing] = await conn.select().from(appSettings).where(eq(appSettings.key, key));
  if (existing) {
    cache.set(key, existing.value);
    return existing.value;
  }
  await conn
    .insert(appSettings)
    .values({ key, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await conn.select().from(appSettings).where(eq(appSettings.key, key));
  if (!db) cache.set(key, row.value);
  return row.value;
}
