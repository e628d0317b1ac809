export type OutgoingEmail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** The outbox row's key: the provider drops a repeat of a request it already accepted. */
  idempotencyKey: string;
  replyTo?: string;
};

export interface EmailTransport {
  readonly name: string;
  send(msg: OutgoingEmail): Promise<{ id: string }>;
}

// Next bundles server code into several chunks, each with its own copy of this module: a delivery
// hook registered at boot (a CWC refusal) throws its copy's class to a drain kicked from a server
// action's chunk, where `instanceof` is false. A process-wide brand recognises every copy.
const BRAND = Symbol.for('ratify.EmailSendError');

/**
 * A send that failed. `permanent` means the same request can never succeed (the provider rejected the
 * message itself), so the drainer fails the row at once instead of retrying.
 */
export class EmailSendError extends Error {
  readonly [BRAND] = true;
  readonly permanent: boolean;
  readonly status?: number;
  /** The provider said when to come back (Retry-After); the backoff waits at least this long. */
  readonly retryAfterMs?: number;
  constructor(message: string, opts: { permanent: boolean; status?: number; retryAfterMs?: number | null; cause?: unknown }) {
    super(message, { cause: opts.cause });
    this.name = 'EmailSendError';
    this.permanent = opts.permanent;
    this.status = opts.status;
    this.retryAfterMs = opts.retryAfterMs ?? undefined;
  }
}

/** An EmailSendError from any copy of this module (see BRAND). */
export function isEmailSendError(err: unknown): err is EmailSendError {
  return typeof err === 'object' && err !== null && (err as { [BRAND]?: unknown })[BRAND] === true;
}

export function isPermanentSendError(err: unknown): boolean {
  return isEmailSendError(err) && err.permanent;
}

/** The provider asked us to wait (a rate limit): how long, or undefined when it did not say. */
export function retryAfterMsOf(err: unknown): number | undefined {
  return isEmailSendError(err) ? err.retryAfterMs : undefined;
}

const MAX_RETRY_AFTER_MS = 6 * 60 * 60_000;

/** An HTTP Retry-After value (delta-seconds or an HTTP date) in ms from `now`, capped; undefined if absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const ms = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(0, Math.round(ms)), MAX_RETRY_AFTER_MS);
}
