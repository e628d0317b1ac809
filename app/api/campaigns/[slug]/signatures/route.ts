import { toJsonResponse } from '@/lib/errors';
import { runPublicPipeline } from '@/lib/forms/public-action';
import { readJsonBody } from '@/lib/http/read-json-body';
import { SignPetitionInput } from '@/lib/petitions/schemas';
import { signPetition } from '@/lib/petitions/sign-petition';

/**
 * Public JSON API for signing: the same pipeline as the petition form (lib/forms/public-action.ts),
 * for partner sites and apps. Answers 201 (signed) or 200 (already signed) with the count; errors in
 * the one JSON shape (lib/errors.ts): 400 with field errors, 404/409 when the campaign is not open,
 * 413, 415, 429 with Retry-After. JSON only: a cross-site HTML form cannot send it, and browsers
 * preflight cross-origin JSON, which we do not allow. The form's honeypot and timing checks need a
 * rendered form, so they do not apply here.
 */
export async function POST(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  try {
    const body = await readJsonBody(req);
    const { result } = await runPublicPipeline(
      {
        limit: 'sign',
        schema: SignPetitionInput,
        emailOf: (input) => input.email,
        run: (input) => signPetition({ input }),
        sendsMail: (r) => r.status === 'signed',
      },
      { ...body, campaignSlug: slug },
      req.headers,
    );
    return Response.json(
      { status: result.status, count: result.count },
      { status: result.status === 'signed' ? 201 : 200, headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (e) {
    return toJsonResponse(e, { log: 'API signing failed', context: { slug } });
  }
}
