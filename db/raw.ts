import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './client';

/** Run raw SQL and get rows on either driver (PGlite answers `{ rows }`, postgres.js an array). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
