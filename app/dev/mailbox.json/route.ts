import type { NextRequest } from 'next/server';
import { connection } from 'next/server';
import { z } from 'zod';
import { jsonError, validationError } from '@/lib/errors';
import { listMailbox, mailboxEnabled } from '@/lib/email/list-mailbox';

const Query = z.object({
  to: z.string().trim().max(254).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const headers = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };

/** GET /dev/mailbox.json?to=&limit= — what e2e tests read instead of a real inbox. */
export async function GET(req: NextRequest) {
  await connection();
  if (!mailboxEnabled()) return new Response('Not Found', { status: 404, headers });
  const query = Query.safeParse({
    to: req.nextUrl.searchParams.get('to') || undefined,
    limit: req.nextUrl.searchParams.get('limit') || undefined,
  });
  if (!query.success) {
    const invalid = validationError(query.error.issues);
    return jsonError('VALIDATION', invalid.message, invalid.fieldErrors, headers);
  }
  const messages = await listMailbox({ to: query.data.to || undefined, limit: query.data.limit });
  return Response.json({ messages }, { headers });
}
