import { sql } from 'drizzle-orm';
import { getDbHandle } from '@/db/client';
import { queryRows } from '@/db/raw';
import { vacanciesByState } from '@/lib/senators/senate-arithmetic';

/**
 * Seats can stand empty for months between a death or resignation and an appointment; a handful is
 * normal. More than this many empty seats means the import went wrong, not that senators left.
 */
export const PLAUSIBLE_VACANCIES = 10;

export type Health = {
  status: 'ok' | 'degraded' | 'down';
  database: { ok: boolean; driver?: string; latencyMs?: number; error?: string };
  /** `vacantSeats`: voting states with fewer than two current senators (a real vacancy is healthy). */
  roster: { senators: number; vacantSeats: number; vacancies: string[]; lastImportAt: string | null; source: string | null } | null;
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
      states: string[] | null;
    }>(
      handle.db,
      sql`select
        (select count(*)::int from senators where is_current) as senators,
        (select imported_at::text from senator_imports order by imported_at desc limit 1) as last_import_at,
        (select source from senator_imports order by imported_at desc limit 1) as source,
        (select count(*)::int from email_outbox where status in ('queued', 'sending')) as queued,
        (select count(*)::int from email_outbox where status = 'failed') as failed,
        (select array_agg(state) from senators where is_current) as states`,
    );
    const latencyMs = Math.round(performance.now() - started);
    const vacancies = vacanciesByState(row.states ?? []);
    const vacantSeats = vacancies.reduce((n, v) => n + v.vacant, 0);
    // An empty roster, or one with implausibly many empty seats, is degraded; a real vacancy is not.
    const rosterOk = row.senators > 0 && vacantSeats <= PLAUSIBLE_VACANCIES;
    return {
      status: rosterOk ? 'ok' : 'degraded',
      database: { ok: true, driver: handle.driver, latencyMs },
      roster: {
        senators: row.senators,
        vacantSeats,
        vacancies: vacancies.map((v) => v.state),
        lastImportAt: row.last_import_at,
        source: row.source,
      },
      outbox: { queued: row.queued, failed: row.failed },
    };
  } catch {
    // The reason stays in the server log; the public answer says only that the database is down.
    return { status: 'down', database: { ok: false, error: 'database unreachable' }, roster: null, outbox: null };
  }
}
