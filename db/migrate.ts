import path from 'node:path';
import type { DbHandle } from './client';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

// PGlite has one connection per process, so advisory locks cannot order two callers in it; chain them.
const pgliteMigrations = new WeakMap<object, Promise<void>>();

/** Apply the committed drizzle-kit migrations; both drivers share the same journal table. */
export async function migrateDb(handle: DbHandle): Promise<void> {
  if (handle.driver === 'pglite') {
    const key = handle.pglite ?? handle.db;
    const run = (pgliteMigrations.get(key) ?? Promise.resolve()).catch(() => {}).then(async () => {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await migrate(handle.db as any, { migrationsFolder });
    });
    pgliteMigrations.set(key, run);
    await run;
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    // Serialise concurrent instance boots: only one runs the migrations, the others wait then no-op.
    // The lock is per connection, so hold one connection for the lock and its release.
    const lockConn = await handle.sql!.reserve();
    await lockConn`select pg_advisory_lock(727274)`;
    try {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await migrate(handle.db as any, { migrationsFolder });
    } finally {
      await lockConn`select pg_advisory_unlock(727274)`;
      lockConn.release();
    }
  }
}
