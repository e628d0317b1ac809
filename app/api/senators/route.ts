import { connection, type NextRequest } from 'next/server';
import { httpStatus, isAppError } from '@/lib/errors';
import { lookupSenators } from '@/lib/letters/lookup-senators';
import { requestLogger } from '@/lib/log/request-id';
import { RateLimitedError, enforcePublicLimits } from '@/lib/security/public-limits';

const headers = { 'Cache-Control': 'no-store' };

/**
 * GET /api/senators?zip=12345[&state=XX] | ?state=XX — the JSON twin of the letter page's lookup,
 * for the JS-enhanced form. 200 `{ lookup }`; 400 `{ error: { message, fieldErrors } }`; 429.
 */
export async function GET(req: NextRequest) {
  await connection();
  const q = req.nextUrl.searchParams;
  try {
    await enforcePublicLimits('lookup', { requestHeaders: req.headers });
    const lookup = await lookupSenators({ zip: q.get('zip'), state: q.get('state') });
    return Response.json({ lookup }, { headers });
  } catch (e) {
    if (isAppError(e)) {
      const extra: Record<string, string> = e instanceof RateLimitedError ? { 'Retry-After': String(e.retryAfterSeconds) } : {};
      return Response.json(
        { error: { code: e.code, message: e.message, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) } },
        { status: httpStatus[e.code], headers: { ...headers, ...extra } },
      );
    }
    (await requestLogger()).error({ err: e instanceof Error ? e.message : String(e) }, 'senator lookup failed');
    return Response.json(
      { error: { code: 'INTERNAL', message: 'Something went wrong looking up your senators. Please try again.' } },
      { status: 500, headers },
    );
  }
}
