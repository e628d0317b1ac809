import { after } from 'next/server';
import { kickDrain } from '@/lib/email/drain-loop';
import { env } from '@/lib/env';
import { httpStatus, isAppError, validationError } from '@/lib/errors';
import { requestLogger } from '@/lib/log/request-id';
import { SignPetitionInput } from '@/lib/petitions/schemas';
import { signPetition } from '@/lib/petitions/sign-petition';
import { enforcePublicLimits, RateLimitedError } from '@/lib/security/public-limits';

const MAX_BODY_BYTES = 32 * 1024;

/**
 * Public JSON API for signing: the same validation, limits and service as the form, for partner
 * sites and apps. Answers 201 (signed) or 200 (already signed) with the count; 400 with field
 * errors; 404/409 when the campaign is not open; 429 with Retry-After. JSON only: a cross-site HTML
 * form cannot send it, and browsers preflight cross-origin JSON, which we do not allow.
 * The form's honeypot and timing checks need a rendered form, so they do not apply here.
 */
export async function POST(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  try {
    if (!req.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
      return Response.json({ error: 'Send the signature as JSON (Content-Type: application/json).' }, { status: 415 });
    }
    const text = await req.text();
    if (text.length > MAX_BODY_BYTES) return Response.json({ error: 'Request too large.' }, { status: 413 });
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(text);
      body = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      return Response.json({ error: 'The request body is not valid JSON.' }, { status: 400 });
    }
    const input = { ...body, campaignSlug: slug };
    const parsed = SignPetitionInput.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error.issues);
    await enforcePublicLimits('sign', { email: parsed.data.email });
    const result = await signPetition({ input: parsed.data });
    // Send the confirmation now rather than at the next drain tick (unless a separate worker drains).
    if (result.status === 'signed' && env().OUTBOX_IN_APP === '1') after(() => kickDrain());
    return Response.json(
      { status: result.status, count: result.count },
      { status: result.status === 'signed' ? 201 : 200, headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (e) {
    if (isAppError(e)) {
      const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
      if (e instanceof RateLimitedError) headers['Retry-After'] = String(e.retryAfterSeconds);
      return Response.json({ error: e.message, fieldErrors: e.fieldErrors }, { status: httpStatus[e.code], headers });
    }
    (await requestLogger()).error({ err: e instanceof Error ? e.message : String(e), slug }, 'API signing failed');
    return Response.json({ error: 'Something went wrong on our side. Please try again.' }, { status: 500 });
  }
}
