import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type DbHandle } from '@/db/client';
import { queryRows } from '@/db/raw';
import { prepareDatabase } from '@/lib/boot/boot';
import { ROSTER_DIR } from '../support/roster';
import { testDriver } from '../support/test-db';

const SNAPSHOT = ROSTER_DIR;
const opts = { seed: true, adminEmail: 'owner@boot.example', senatorsSource: SNAPSHOT };

/** A database nobody has migrated yet, and `n` separate handles to it (separate pools on PostgreSQL). */
async function freshDatabase(n: number): Promise<{ handles: DbHandle[]; drop: () => Promise<void> }> {
  if (testDriver() === 'pglite') {
    // One process owns a PGlite database: its "instances" are concurrent boots on one handle.
    const handle = openPglite('memory://');
    return { handles: Array.from({ length: n }, () => handle), drop: () => handle.close() };
  }
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const name = `${url.pathname.slice(1)}_boot`;
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  url.pathname = `/${name}`;
  const handles = Array.from({ length: n }, () => openPostgres(url.toString(), 3));
  return {
    handles,
    drop: async () => {
      await Promise.all(handles.map((h) => h.close()));
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

describe('first boot of several instances together', () => {
  it('migrates, seeds and imports the roster exactly once, and no instance fails', async () => {
    const { handles, drop } = await freshDatabase(3);
    try {
      const results = await Promise.allSettled(
        handles.map(async (h) => {
          const prepared = await prepareDatabase(h, opts);
          return { created: prepared.created, roster: await prepared.roster };
        }),
      );
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const done = results.map((r) => (r as PromiseFulfilledResult<{ created: string[]; roster: unknown }>).value);
      // One instance created everything; the others found it there.
      expect(done.filter((d) => d.created.length > 0).map((d) => d.created)).toEqual([['organisation', 'treaty', 'campaign', 'owner']]);
      expect(done.filter((d) => d.roster !== null)).toHaveLength(1);

      const [counts] = await queryRows<Record<string, number>>(
        handles[0].db,
        sql`select (select count(*)::int from organisations) as organisations,
                   (select count(*)::int from treaties) as treaties,
                   (select count(*)::int from campaigns) as campaigns,
                   (select count(*)::int from users where email = ${opts.adminEmail}) as owners,
                   (select count(*)::int from senator_imports) as imports,
                   (select count(*)::int from senators) as senators,
                   (select count(*)::int from audit_log where action = 'senators.import') as import_audits`,
      );
      expect(counts).toEqual({ organisations: 1, treaties: 1, campaigns: 1, owners: 1, imports: 1, senators: 100, import_audits: 1 });

      // A later restart changes nothing.
      const again = await prepareDatabase(handles[1], opts);
      expect(again.created).toEqual([]);
      expect(await again.roster).toBeNull();
    } finally {
      await drop();
    }
  }, 120_000);
});
