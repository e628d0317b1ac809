import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { drainOutbox } from './drain';
import { outboxProducers } from './hooks';

type LoopState = { timer?: NodeJS.Timeout; running?: Promise<void>; again: boolean };

// On globalThis: dev-mode module reloads and a second boot() must not start a second loop.
const g = globalThis as unknown as { __ratifyDrain?: LoopState };
const state = (): LoopState => (g.__ratifyDrain ??= { again: false });

const BATCH = 20;
const MAX_BATCHES_PER_RUN = 50;

/** Drain every OUTBOX_DRAIN_INTERVAL_MS in this process. Idempotent. */
export function startDrainLoop(): void {
  const s = state();
  if (s.timer) return;
  s.timer = setInterval(() => void runDrain(), env().OUTBOX_DRAIN_INTERVAL_MS);
  s.timer.unref(); // never keeps a process alive on its own
  void runDrain();
  logger.info({ intervalMs: env().OUTBOX_DRAIN_INTERVAL_MS }, 'outbox drain loop started');
}

export function stopDrainLoop(): Promise<void> {
  const s = state();
  if (s.timer) clearInterval(s.timer);
  s.timer = undefined;
  return s.running ?? Promise.resolve();
}

/**
 * Drain now, without waiting for the next tick: `after(kickDrain)` in a server action sends the mail
 * it just queued. Never rejects. A no-op when a separate worker drains (OUTBOX_IN_APP=0).
 */
export function kickDrain(): Promise<void> {
  if (env().OUTBOX_IN_APP !== '1') return Promise.resolve();
  return runDrain();
}

function runDrain(): Promise<void> {
  const s = state();
  if (s.running) {
    // One drain at a time per process; ask the running one to go round again for the new mail.
    s.again = true;
    return s.running;
  }
  s.running = (async () => {
    try {
      for (const produce of outboxProducers()) {
        await produce().catch((err: unknown) => logger.error({ err }, 'outbox producer failed'));
      }
      for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
        s.again = false;
        const r = await drainOutbox({ limit: BATCH });
        if (r.claimed < BATCH && !s.again) break;
      }
    } catch (err) {
      logger.error({ err: err instanceof Error ? err.message : String(err) }, 'outbox drain failed');
    } finally {
      s.running = undefined;
      // A kick that arrived after the last batch was decided gets its own run.
      if (s.again) {
        s.again = false;
        void runDrain();
      }
    }
  })();
  return s.running;
}
