import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { appSettings } from '@/db/schema';

// A secret from the environment wins; otherwise one is generated once and kept in Postgres, so a
// zero-config start works and every instance over the same database shares it.
export async function getAppSecret(key: 'auth_secret' | 'hash_salt', fromEnv?: string): Promise<string> {
  if (fromEnv) return fromEnv;
  const g = globalThis as unknown as { __ratifySecrets?: Map<string, string> };
  const cache = (g.__ratifySecrets ??= new Map());
  const hit = cache.get(key);
  if (hit) return hit;
  const db = getDb();
  await db
    .insert(appSettings)
    .values({ key, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, key));
  cache.set(key, row.value);
  return row.value;
}
