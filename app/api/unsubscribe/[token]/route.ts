import { httpStatus, isAppError } from '@/lib/errors';
import { requestLogger } from '@/lib/log/request-id';
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
    if (isAppError(e)) return Response.json({ ok: false, error: e.message }, { status: httpStatus[e.code] });
    (await requestLogger()).error({ err: e instanceof Error ? e.message : String(e) }, 'one-click unsubscribe failed');
    return Response.json({ ok: false, error: 'Something went wrong. Please try the link in the email.' }, { status: 500 });
  }
}
