import type { DbOrTx, Tx } from '@/db/client';
import type { EmailEventType } from '@/db/schema/enum-values';
import type { OutboxRow } from '@/db/schema';

/** What a channel other than email kept of a message it delivered (shown in the outbox monitor). */
export type DeliveredCopy = { id: string; transport: string; subject: string; text: string };

/**
 * What a domain does when one of its outbox rows changes fate, inside the same transaction as the
 * outbox's own write (so the two never disagree). The outbox knows no domain: letters register
 * theirs (lib/letters/outbox-hooks.ts) from the process's composition root (lib/boot/outbox-hooks.ts).
 */
export type OutboxHook = {
  /**
   * Rows of a kind that is not an email (a CWC message to a Senate office): the hook delivers the row
   * itself instead of the drainer rendering a template and calling the mail transport. It returns what
   * was delivered, or throws an EmailSendError (permanent = never retried; retryAfterMs = the service
   * asked us to wait). Everything else (lease, backoff, attempts, onSent/onFailed) is the outbox's.
   */
  deliver?: (row: OutboxRow) => Promise<DeliveredCopy>;
  /** The provider accepted the message. */
  onSent?: (tx: Tx, row: OutboxRow) => Promise<void>;
  /** No more attempts (or a permanent error): `reason` is what staff see. */
  onFailed?: (tx: Tx, row: OutboxRow, reason: string) => Promise<void>;
  /** Staff put a failed row back in the queue. */
  onRequeued?: (tx: Tx, row: OutboxRow) => Promise<void>;
  /** The provider reported what became of a sent message (webhook): delivered, delayed, bounced, complained. */
  onEvent?: (tx: Tx, row: OutboxRow, event: ProviderEvent) => Promise<void>;
};

export type ProviderEvent = {
  type: EmailEventType;
  /** A bounce the provider calls permanent: the address does not exist or refuses us for good. */
  hardBounce: boolean;
  detail: string | null;
};

/**
 * Whether a recipient has withdrawn consent to campaign mail (unsubscribed): a domain answers (the
 * supporters' one, registered at boot); the outbox only asks, before each campaign message.
 */
export type ConsentCheck = (db: DbOrTx, address: string) => Promise<boolean>;
const consent = globalThis as unknown as { __ratifyConsentCheck?: ConsentCheck };
export function registerConsentCheck(check: ConsentCheck): void {
  consent.__ratifyConsentCheck = check;
}
export function hasWithdrawnConsent(db: DbOrTx, address: string): Promise<boolean> {
  return consent.__ratifyConsentCheck?.(db, address) ?? Promise.resolve(false);
}

// On globalThis: Next bundles server code into several chunks, each with its own module instances,
// and the hooks registered at boot must be the ones every drain sees.
const g = globalThis as unknown as { __ratifyOutboxHooks?: Map<string, OutboxHook> };
const registry = () => (g.__ratifyOutboxHooks ??= new Map());

/** Register the hook for rows of one template (replaces an earlier one: registration is idempotent). */
export function registerOutboxHook(template: string, hook: OutboxHook): void {
  registry().set(template, hook);
}

export function outboxHookFor(template: string): OutboxHook | undefined {
  return registry().get(template);
}

/**
 * Work that produces outbox rows over time (an update enqueued in batches, a scheduled send): run by
 * the drain loop before each drain, so whichever process drains also keeps bulk sends moving and
 * resumes them after a crash. Each must be safe to run in several processes at once.
 */
export type OutboxProducer = () => Promise<void>;
const producers = globalThis as unknown as { __ratifyOutboxProducers?: Map<string, OutboxProducer> };
export function registerOutboxProducer(name: string, run: OutboxProducer): void {
  (producers.__ratifyOutboxProducers ??= new Map()).set(name, run);
}
export function outboxProducers(): OutboxProducer[] {
  return [...(producers.__ratifyOutboxProducers?.values() ?? [])];
}
