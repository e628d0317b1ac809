import { toJsonResponse } from '@/lib/errors';
import { unsubscribeSupporter } from '@/lib/supporters/unsubscribe-supporter';

// RFC 8058 one-click unsubscribe: the mail provider POSTs `List-Unsubscribe=One-Click` here with
// no cookies and no page in between, and expects it to take effect at once. No per-IP limit: the
// POSTs come from a handful of provider servers, and the 256-bit token is not guessable anyway.
export async function POST(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    const result = await unsubscribeSupporter({ input: { token } });
    return Response.json({ ok: true, ...result }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return toJsonResponse(e, { log: 'one-click unsubscribe failed' });
  }
}
