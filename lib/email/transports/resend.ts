import { Resend, type ErrorResponse } from 'resend';
import { EmailSendError, parseRetryAfter, type EmailTransport } from './types';

// The message itself was refused: sending it again cannot succeed. Everything else (5xx, network,
// 429 rate limits, quotas, a bad API key an operator can fix) is retried with backoff.
const PERMANENT_ERRORS = new Set<string>([
  'validation_error',
  'missing_required_field',
  'invalid_parameter',
  'invalid_attachment',
  'invalid_from_address',
  'invalid_idempotency_key',
  // Same key, different payload: the first request was accepted, so resending would duplicate.
  'invalid_idempotent_request',
]);

export function isPermanentResendError(error: Pick<ErrorResponse, 'name' | 'statusCode'>): boolean {
  const status = error.statusCode ?? null;
  if (status === 429 || status === 408 || (status !== null && status >= 500)) return false;
  if (PERMANENT_ERRORS.has(error.name)) return true;
  return status === 400 || status === 422;
}

export type ResendTransportOptions = { apiKey: string; baseUrl?: string; timeoutMs?: number };

export function createResendTransport({ apiKey, baseUrl, timeoutMs = 20_000 }: ResendTransportOptions): EmailTransport {
  const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: 'resend',
    async send(msg) {
      const { data, error, headers } = await client.emails.send(
        {
          from: msg.from,
          to: msg.to,
          subject: msg.subject,
          html: msg.html,
          text: msg.text,
          ...(Object.keys(msg.headers).length ? { headers: msg.headers } : {}),
          ...(msg.replyTo ? { replyTo: msg.replyTo } : {}),
        },
        // The SDK sets no timeout of its own; a hung request must end well inside the row's lease
        // (RESEND_TIMEOUT_MS; lib/env.ts keeps the lease at least three times longer).
        { idempotencyKey: msg.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (error) {
        const status = error.statusCode ?? undefined;
        throw new EmailSendError(`Resend ${status ?? 'request'} ${error.name}: ${error.message}`, {
          permanent: isPermanentResendError(error),
          status,
          // Resend answers 429 with Retry-After (seconds); the drainer waits at least that long.
          retryAfterMs: parseRetryAfter(headers?.['retry-after']),
        });
      }
      if (!data?.id) throw new EmailSendError('Resend answered without a message id', { permanent: false });
      return { id: data.id };
    },
  };
}
