import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { importSenators } from './import-senators';

// No `server-only`: `npm run worker` (tsx) runs the same schedule.

/** How often an instance asks "is an import due?": cheap (one query under the import's lock). */
const CHECK_EVERY_MS = 15 * 60 * 1000;

const g = globalThis as unknown as { __ratifyRoster?: { timer?: NodeJS.Timeout; running?: Promise<unknown> } };

/**
 * One scheduled step: import the roster if the last import is older than the interval. The import
 * re-checks under its advisory lock, so of several instances firing together exactly one imports.
 * Never throws (an unreachable source is logged and tried again next time).
 */
export async function runScheduledRosterImport(): Promise<'imported' | 'not_due' | 'off' | 'failed'> {
  const hours = env().SENATORS_IMPORT_INTERVAL_HOURS;
  if (!hours) return 'off';
  try {
    const r = await importSenators({ ifOlderThanMs: hours * 3600_000 });
    if (!r) return 'not_due';
    logger.info({ added: r.diff.added.length, removed: r.diff.removed.length, changed: r.diff.changed.length }, 'scheduled roster import');
    return 'imported';
  } catch (err) {
    logger.warn({ err }, 'scheduled roster import failed; will retry');
    return 'failed';
  }
}

/** In-app: check now and every CHECK_EVERY_MS. Idempotent; the timer never keeps the process alive. */
export function startRosterSchedule(): void {
  const s = (g.__ratifyRoster ??= {});
  if (s.timer || !env().SENATORS_IMPORT_INTERVAL_HOURS) return;
  const tick = () => {
    if (!s.running) s.running = runScheduledRosterImport().finally(() => (s.running = undefined));
  };
  s.timer = setInterval(tick, CHECK_EVERY_MS);
  s.timer.unref();
  tick();
}

export const ROSTER_CHECK_EVERY_MS = CHECK_EVERY_MS;
