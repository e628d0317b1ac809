import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { Webhook } from 'svix';

// The e2e server's RESEND_WEBHOOK_SECRET (playwright.config.ts): specs sign Resend events as Resend would.
export const E2E_WEBHOOK_SECRET = 'whsec_ZTJlLXdlYmhvb2stc2VjcmV0LWUyZS13ZWJob29r';

/** POST a Resend event to /api/webhooks/resend, signed with Svix. */
export function postResendEvent(request: APIRequestContext, event: unknown) {
  const body = JSON.stringify(event);
  const id = `msg_${randomUUID()}`;
  const at = new Date();
  const signature = new Webhook(E2E_WEBHOOK_SECRET).sign(id, at, body);
  return request.post('/api/webhooks/resend', {
    headers: { 'content-type': 'application/json', 'svix-id': id, 'svix-timestamp': String(Math.floor(at.getTime() / 1000)), 'svix-signature': signature },
    data: body,
  });
}
