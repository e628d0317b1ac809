import { registerCwcOutboxHook } from '@/lib/letters/cwc/cwc-outbox-hook';
import { registerLetterOutboxHooks } from '@/lib/letters/outbox-hooks';
import { registerSupporterConsentCheck } from '@/lib/supporters/consent';
import { registerOutboxProducer } from '@/lib/email/hooks';
import { runDueUpdates } from '@/lib/updates/enqueue-update-batch';

/**
 * The composition root of the outbox: every domain that follows its rows registers here. Called by
 * the app's boot, the worker and the test setup before anything drains.
 */
export function registerOutboxHooks(): void {
  registerLetterOutboxHooks();
  registerCwcOutboxHook();
  registerSupporterConsentCheck();
  // Updates to supporters are enqueued in batches by whichever process drains (resumes after a crash).
  registerOutboxProducer('campaign-updates', () => runDueUpdates());
}
