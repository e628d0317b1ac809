import { sql } from 'drizzle-orm';
import { getDbHandle } from '@/db/client';
import { queryRows } from '@/db/raw';

export type Health = {
  status: 'ok' | 'degraded' | 'down';
  database: { ok: boolean; driver?: string; latencyMs?: number; error?: string };
  roster: { senators: number; lastImportAt: string | null; source: string | null } | null;
  outbox: { queued: number; failed: number } | null;
};

export async function getHealth(): Promise<Health> {
  const started = performance.now();
  try {
    const handle = getDbHandle();
    const [row] = await queryRows<{
      senators: number;
      last_import_at: string | null;
      source: string | null;
      queued: number;
      failed: number;
    }>(
      handle.db,
      sql`select
        (select count(*)::int from senators where is_current) as senators,
        (select imported_at::text from senator_imports order by imported_at desc limit 1) as last_import_at,
        (select source from senator_imports order by imported_at desc limit 1) as source,
        (select count(*)::int from email_outbox where status in ('queued', 'sending')) as queued,
        (select count(*)::int from email_outbox where status = 'failed') as failed`,
    );
    const latencyMs = Math.round(performance.now() - started);
    return {
      status: row.senators >= 100 ? 'ok' : 'degraded',
      database: { ok: true, driver: handle.driver, latencyMs },
      roster: { senators: row.senators, lastImportAt: row.last_import_at, source: row.source },
      outbox: { queued: row.queued, failed: row.failed },
    };
  } catch {
    // The reason stays in the server log; the public answer says only that the database is down.
    return { status: 'down', database: { ok: false, error: 'database unreachable' }, roster: null, outbox: null };
  }
}
