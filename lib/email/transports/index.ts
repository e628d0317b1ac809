import { env } from '@/lib/env';
import { createLocalTransport } from './local';
import { createResendTransport } from './resend';
import type { EmailTransport } from './types';

export { createLocalTransport } from './local';
export { createResendTransport, isPermanentResendError } from './resend';
export { EmailSendError, isPermanentSendError, parseRetryAfter, retryAfterMsOf, type EmailTransport, type OutgoingEmail } from './types';

let cached: { key: string; transport: EmailTransport } | undefined;

/** Resend when RESEND_API_KEY is set, otherwise the local transport (mail stays in the dev mailbox). */
export function getTransport(): EmailTransport {
  const e = env();
  const key = `${e.RESEND_API_KEY ?? ''}|${e.RESEND_BASE_URL ?? ''}|${e.RESEND_TIMEOUT_MS}`;
  if (cached?.key !== key) {
    const transport = e.RESEND_API_KEY
      ? createResendTransport({ apiKey: e.RESEND_API_KEY, baseUrl: e.RESEND_BASE_URL, timeoutMs: e.RESEND_TIMEOUT_MS })
      : createLocalTransport();
    cached = { key, transport };
  }
  return cached.transport;
}
