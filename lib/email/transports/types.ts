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

/**
 * A send that failed. `permanent` means the same request can never succeed (the provider rejected the
 * message itself), so the drainer fails the row at once instead of retrying.
 */
export class EmailSendError extends Error {
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

export function isPermanentSendError(err: unknown): boolean {
  return err instanceof EmailSendError && err.permanent;
}
