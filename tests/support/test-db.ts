import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, setDbHandle, type DbHandle } from '@/db/client';
import { migrateDb } from '@/db/migrate';
import { queryRows } from '@/db/raw';
import { assertLocalDatabase } from './local-db.mjs';

const g = globalThis as unknown as { __testDb?: Promise<DbHandle>; __testDbReset?: Promise<string> };

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
      assertLocalDatabase(url, 'run the integration tests');
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

type Edge = { child: string; parent: string };

const unquote = (name: string) => name.replace(/^"|"$/g, '');
const quote = (name: string) => `"${unquote(name).replace(/"/g, '""')}"`;

/**
 * The statements that empty every application table (not the migration journal) and restart its
 * sequences. PostgreSQL's TRUNCATE gives each table a new file and costs ~0.7 s for our ~20 tables
 * on this machine, before every test; DELETE on tables this small costs a few milliseconds. Rows are
 * deleted children first, in foreign-key order. Tables whose triggers refuse DELETE (the append-only
 * audit log) are truncated first, as is everything when the foreign keys form a cycle (none today).
 */
async function resetScript(handle: DbHandle): Promise<string> {
  const { db } = handle;
  const tables = (await queryRows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public'`)).map(
    (t) => t.name,
  );
  if (tables.length === 0) return '';
  const edges = await queryRows<Edge>(
    db,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where c.contype = 'f' and n.nspname = 'public' and c.conrelid <> c.confrelid`,
  );
  // tgtype bit 3 (8) = the trigger fires on DELETE.
  const guarded = await queryRows<{ name: string }>(
    db,
    sql`select distinct t.tgrelid::regclass::text as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
        join pg_namespace n on n.oid = c.relnamespace
        where not t.tgisinternal and (t.tgtype & 8) <> 0 and n.nspname = 'public'`,
  );
  const sequences = await queryRows<{ name: string }>(db, sql`select sequencename as name from pg_sequences where schemaname = 'public'`);

  const truncated = new Set(guarded.map((g) => unquote(g.name)));
  const rest = tables.filter((t) => !truncated.has(t));
  const order = childrenFirst(
    rest,
    edges.map((e) => ({ child: unquote(e.child), parent: unquote(e.parent) })).filter((e) => !truncated.has(e.child)),
  );
  if (!order) return `truncate ${tables.map(quote).join(', ')} restart identity cascade`;
  return [
    ...(truncated.size ? [`truncate ${[...truncated].map(quote).join(', ')} restart identity cascade`] : []),
    ...order.map((t) => `delete from ${quote(t)}`),
    ...sequences.map((s) => `alter sequence ${quote(s.name)} restart`),
  ].join(';\n');
}

/** Tables ordered so every referencing table comes before the ones it references; null on a cycle. */
function childrenFirst(tables: string[], edges: Edge[]): string[] | null {
  const waitingFor = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) waitingFor.get(e.parent)?.add(e.child); // a table waits for the tables referencing it
  const order: string[] = [];
  while (waitingFor.size) {
    const ready = [...waitingFor].filter(([, children]) => children.size === 0).map(([t]) => t);
    if (ready.length === 0) return null;
    for (const t of ready) {
      order.push(t);
      waitingFor.delete(t);
      for (const children of waitingFor.values()) children.delete(t);
    }
  }
  return order;
}

/** Empty every application table (not the migration journal) and restart its sequences. */
export async function resetTestDb(): Promise<void> {
  const handle = await getTestDb();
  g.__testDbReset ??= resetScript(handle);
  const script = await g.__testDbReset;
  if (!script) return;
  // One transaction, one round trip: a simple-protocol multi-statement query on postgres.js, exec() on PGlite.
  if (handle.sql) await handle.sql.begin((tx) => tx.unsafe(script).simple());
  else await handle.pglite!.transaction((tx) => tx.exec(script));
}
