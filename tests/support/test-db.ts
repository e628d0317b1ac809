import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, setDbHandle, type DbHandle } from '@/db/client';
import { migrateDb } from '@/db/migrate';
import { queryRows } from '@/db/raw';

const g = globalThis as unknown as { __testDb?: Promise<DbHandle> };

export function testDriver(): 'pglite' | 'postgres' {
  return process.env.TEST_DB_DRIVER === 'postgres' ? 'postgres' : 'pglite';
}

/** Open (once per process) the database for this test project and make it the app's handle. */
export function getTestDb(): Promise<DbHandle> {
  g.__testDb ??= (async () => {
    let handle: DbHandle;
    if (testDriver() === 'postgres') {
      const url = process.env.TEST_DATABASE_URL;
      if (!url) throw new Error('TEST_DATABASE_URL is required for the postgres test project');
      assertLocal(url);
      handle = openPostgres(url, 5);
    } else {
      handle = openPglite('memory://');
    }
    await migrateDb(handle);
    setDbHandle(handle);
    return handle;
  })();
  return g.__testDb;
}

function assertLocal(url: string) {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', ''].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host})`);
  }
}

/** Empty every application table (not the migration journal). */
export async function resetTestDb(): Promise<void> {
  const { db } = await getTestDb();
  const tables = await queryRows<{ tablename: string }>(
    db,
    sql`select tablename from pg_tables where schemaname = 'public'`,
  );
  if (tables.length === 0) return;
  const list = tables.map((t) => `"${t.tablename}"`).join(', ');
  await db.execute(sql.raw(`truncate ${list} restart identity cascade`));
}
