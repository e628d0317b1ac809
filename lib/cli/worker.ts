// `npm run worker`: drain the email outbox outside the web server (set OUTBOX_IN_APP=0 on the app),
// and re-import the Senate roster on its schedule (set ROSTER_IMPORT_IN_APP=0 on the app to leave it here).
// Any number of workers and app instances can drain at once; rows are claimed with SKIP LOCKED.
// Runs under tsx: nothing in this import graph may `import 'server-only'`.
import { setTimeout as sleep } from 'node:timers/promises';
import { openFromEnv, setDbHandle } from '@/db/client';
import { PgliteLockedError } from '@/db/pglite-lock';
import { registerOutboxHooks } from '@/lib/boot/outbox-hooks';
import { drainOutbox } from '@/lib/email/drain';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { ROSTER_CHECK_EVERY_MS, runScheduledRosterImport } from '@/lib/senators/roster-schedule';

const BATCH = 20;

async function main() {
  const e = env();
  registerOutboxHooks();
  const handle = openFromEnv();
  setDbHandle(handle);
  logger.info({ driver: handle.driver, intervalMs: e.OUTBOX_DRAIN_INTERVAL_MS, transport: e.RESEND_API_KEY ? 'resend' : 'local' }, 'outbox worker started');

  const stop = new AbortController();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      logger.info({ signal: sig }, 'outbox worker stopping after the current batch');
      stop.abort();
    });
  }

  const totals = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  // The roster schedule too (SENATORS_IMPORT_INTERVAL_HOURS): checked now and every 15 minutes.
  let nextRosterCheck = 0;
  while (!stop.signal.aborted) {
    if (Date.now() >= nextRosterCheck) {
      nextRosterCheck = Date.now() + ROSTER_CHECK_EVERY_MS;
      await runScheduledRosterImport();
    }
    let claimed = 0;
    try {
      const r = await drainOutbox({ limit: BATCH });
      claimed = r.claimed;
      totals.claimed += r.claimed;
      totals.sent += r.sent;
      totals.retried += r.retried;
      totals.failed += r.failed;
    } catch (err) {
      // A database blip: log and try again next tick rather than exit.
      logger.error({ err: err instanceof Error ? err.message : String(err) }, 'outbox drain failed');
    }
    // A full batch means there is probably more: go straight on.
    if (claimed < BATCH) await sleep(e.OUTBOX_DRAIN_INTERVAL_MS, undefined, { signal: stop.signal }).catch(() => {});
  }

  logger.info(totals, 'outbox worker stopped');
  setDbHandle(undefined);
  await handle.close();
}

main().catch((err) => {
  console.error(err instanceof PgliteLockedError ? err.message : `Outbox worker failed: ${(err as Error).message}`);
  process.exit(1);
});
