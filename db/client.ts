import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';
import { env } from '@/lib/env';
import { acquirePgliteLock } from './pglite-lock';
import * as schema from './schema';

// One type for both drivers: a union of the two drizzle types makes `.returning()` uncallable.
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DbHandle = {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** postgres.js client, for COPY streams and LISTEN; absent on PGlite. */
  sql?: Sql;
  pglite?: PGlite;
  close(): Promise<void>;
};

export function openPostgres(url: string, max = env().DB_POOL_MAX): DbHandle {
  // postgres.js waits ever longer between reconnects after failures (up to 20 s), and a query that
  // arrives meanwhile waits for the reconnect instead of failing: during a database restart,
  // requests hung for up to 18 s and recovered late (tests/faults, database restart). A short fixed
  // backoff makes them fail at once with a clean 503 and reconnect as soon as the server is back.
  const sql = postgres(url, { max, onnotice: () => {}, idle_timeout: 30, connect_timeout: 5, backoff: () => 0.25 });
  const db = drizzlePostgres(sql, { schema }) as unknown as Db;
  return { db, driver: 'postgres', sql, close: () => sql.end({ timeout: 5 }) };
}

/** `dataDir` may be a folder or `memory://` (tests). */
export function openPglite(dataDir: string): DbHandle {
  const inMemory = dataDir.startsWith('memory://');
  const dir = inMemory ? dataDir : path.resolve(dataDir);
  const release = inMemory ? () => {} : acquirePgliteLock(dir);
  const pglite = new PGlite(dir);
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    pglite,
    close: async () => {
      await pglite.close();
      release();
    },
  };
}

export function openFromEnv(): DbHandle {
  const e = env();
  return e.DATABASE_URL ? openPostgres(e.DATABASE_URL) : openPglite(e.PGLITE_DATA_DIR);
}

// One handle per process (connection pool or the owned PGlite folder) — not application state.
const g = globalThis as unknown as { __ratifyDb?: DbHandle };

export function getDbHandle(): DbHandle {
  return (g.__ratifyDb ??= openFromEnv());
}

export function getDb(): Db {
  return getDbHandle().db;
}

/** Tests and scripts install their own handle (an in-memory PGlite, a test database). */
export function setDbHandle(handle: DbHandle | undefined) {
  g.__ratifyDb = handle;
}

export async function closeDb() {
  const h = g.__ratifyDb;
  g.__ratifyDb = undefined;
  if (h) await h.close();
}
