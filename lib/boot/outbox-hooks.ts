import { registerCwcOutboxHook } from '@/lib/letters/cwc/cwc-outbox-hook';
import { registerLetterOutboxHooks } from '@/lib/letters/outbox-hooks';
import { registerSupporterConsentCheck } from '@/lib/supporters/consent';

/**
 * The composition root of the outbox: every domain that follows its rows registers here. Called by
 * the app's boot, the worker and the test setup before anything drains.
 */
export function registerOutboxHooks(): void {
  registerLetterOutboxHooks();
  registerCwcOutboxHook();
  registerSupporterConsentCheck();
}
