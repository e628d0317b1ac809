import { AppError } from '@/lib/errors';

export const DEFAULT_JSON_LIMIT_BYTES = 32 * 1024;

/**
 * The JSON object a route handler was sent, or an AppError with the right status: 415 for another
 * content type, 413 for a body over `maxBytes` (refused from Content-Length before reading, and
 * counted while reading, so a lying or absent header cannot make us buffer more), 400 for malformed
 * JSON or a body that is not an object.
 */
export async function readJsonBody(req: Request, maxBytes = DEFAULT_JSON_LIMIT_BYTES): Promise<Record<string, unknown>> {
  const type = req.headers.get('content-type')?.toLowerCase() ?? '';
  if (!/^application\/([a-z0-9.+-]*\+)?json\b/.test(type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request as JSON (Content-Type: application/json).');
  }
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readCapped(req, maxBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', 'The request body is not valid JSON.', { _body: ['The request body is not valid JSON.'] });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AppError('VALIDATION', 'The request body must be a JSON object.', { _body: ['The request body must be a JSON object.'] });
  }
  return parsed as Record<string, unknown>;
}

const tooLarge = (max: number) => new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${Math.round(max / 1024)} kB.`);

async function readCapped(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}
