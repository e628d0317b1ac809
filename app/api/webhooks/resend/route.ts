import { Webhook } from 'svix';
import { env } from '@/lib/env';
import { jsonError, toJsonResponse } from '@/lib/errors';
import { ResendWebhookEvent, recordEmailEvent } from '@/lib/email/record-email-event';

const MAX_BODY = 256 * 1024;

// Resend signs its webhooks with Svix: svix-id, svix-timestamp and svix-signature over the raw body.
// The svix library checks the signature and that the timestamp is within five minutes; the event's
// svix-id is recorded once, so a replay inside that window is refused too. No session: the signature
// is the credential. Unsigned or malformed → 400, bad signature or stale timestamp → 401, replay → 400.
export async function POST(req: Request) {
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) return jsonError('NOT_FOUND', 'Webhooks are not configured.');
  const id = req.headers.get('svix-id');
  const timestamp = req.headers.get('svix-timestamp');
  const signature = req.headers.get('svix-signature');
  if (!id || !timestamp || !signature) return jsonError('VALIDATION', 'Unsigned request: svix-id, svix-timestamp and svix-signature are required.');
  const length = Number(req.headers.get('content-length') ?? 0);
  if (length > MAX_BODY) return jsonError('PAYLOAD_TOO_LARGE', 'Webhook body too large.');
  const body = await req.text();
  if (body.length > MAX_BODY) return jsonError('PAYLOAD_TOO_LARGE', 'Webhook body too large.');

  let payload: unknown;
  try {
    payload = new Webhook(secret).verify(body, { 'svix-id': id, 'svix-timestamp': timestamp, 'svix-signature': signature });
  } catch {
    return jsonError('UNAUTHORIZED', 'Bad or expired webhook signature.');
  }
  const event = ResendWebhookEvent.safeParse(payload);
  if (!event.success) return jsonError('VALIDATION', 'Not a Resend event.');
  try {
    const result = await recordEmailEvent({ webhookId: id, event: event.data });
    if (result.outcome === 'replayed') return jsonError('VALIDATION', 'This webhook was already received (replay).');
    return Response.json({ ok: true, outcome: result.outcome }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return toJsonResponse(e, { log: 'resend webhook failed' });
  }
}
