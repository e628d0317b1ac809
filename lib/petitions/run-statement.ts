import 'server-only';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { getDb, getDbHandle } from '@/db/client';
import { queryRows } from '@/db/raw';

const dialect = new PgDialect();

/**
 * Run one hot statement as a named prepared statement on PostgreSQL (postgres.js's own default,
 * which drizzle's `execute` turns off): Postgres skips parse and plan, and the client skips the
 * describe step, which together halved the signing statement's cost in the benchmark. PGlite has no
 * such path and runs it through drizzle as usual. Parameters must carry explicit casts.
 */
export async function queryRowsPrepared<T>(query: SQL): Promise<T[]> {
  const handle = getDbHandle();
  if (!handle.sql) return queryRows<T>(getDb(), query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await handle.sql.unsafe(text, params as never[], { prepare: true })) as unknown as T[];
}
