import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '@/lib/errors';
import { getHashSalt } from './hash';

// Two cheap bot filters for public forms, rendered by components/ui/form-guard-fields.tsx:
// a honeypot people never see, and a signed "form shown at" time so a submission arriving faster
// than a person can type is refused. Neither stands alone: rate limits and email confirmation too.
export const HONEYPOT_FIELD = 'website';
export const STARTED_AT_FIELD = 'form_started';

// A form rendered into a cached page may be days old when submitted; older than this is refused
// (the answer renders a fresh token, so a person just submits again).
const MAX_AGE_MS = 3 * 24 * 3_600_000;

/** FORM_MIN_FILL_SECONDS (default 3) lets e2e runs and benchmarks shorten the minimum fill time. */
export function defaultMinFillSeconds(): number {
  const raw = process.env.FORM_MIN_FILL_SECONDS;
  const n = raw === undefined || raw === '' ? 3 : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : 3;
}

async function sign(timestamp: string): Promise<string> {
  const salt = await getHashSalt();
  return createHmac('sha256', salt).update(`form-guard:${timestamp}`).digest('base64url');
}

/** A fresh signed "shown at" token for the hidden field; issue it when rendering the form. */
export async function issueFormGuardToken(now = Date.now()): Promise<string> {
  const ts = String(now);
  return `${ts}.${await sign(ts)}`;
}

export class FormGuardError extends AppError {
  constructor() {
    // One message whatever tripped, so a bot learns nothing about which check it failed.
    super('VALIDATION', 'Something went wrong sending the form. Please try again.');
  }
}

/** The signed "shown at" time of a genuine token from this deployment that has not expired, else null. */
async function shownAt(token: unknown, now: number): Promise<number | null> {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [ts, mac] = token.split('.');
  if (!ts || !mac || !/^\d{1,16}$/.test(ts)) return null;
  const expected = Buffer.from(await sign(ts));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const at = Number(ts);
  return now - at > MAX_AGE_MS ? null : at;
}

/** Throws a generic VALIDATION AppError when the honeypot is filled or the timing is missing, forged or too fast. */
export async function checkFormGuard(
  formData: Pick<FormData, 'get'>,
  { minSeconds = defaultMinFillSeconds(), now = Date.now() }: { minSeconds?: number; now?: number } = {},
): Promise<void> {
  const honeypot = formData.get(HONEYPOT_FIELD);
  if (typeof honeypot === 'string' && honeypot.trim() !== '') throw new FormGuardError();
  const at = await shownAt(formData.get(STARTED_AT_FIELD), now);
  if (at === null || now - at < minSeconds * 1000) throw new FormGuardError();
}

/**
 * The token a refused form goes back with. The one it came with, when genuine: the minimum fill
 * time keeps counting from when the form was first shown, so a quick correction, or a second
 * press after "too fast", is not refused again. A fresh one otherwise: a page cached before the
 * database (and its salt) changed, or left open for days, recovers with one more press (the
 * panels wait out the minimum fill time of a fresh token: components/ui/use-form-guard.ts).
 */
export async function guardTokenForRetry(formData: Pick<FormData, 'get'>, now = Date.now()): Promise<string> {
  const token = formData.get(STARTED_AT_FIELD);
  if (typeof token === 'string' && (await shownAt(token, now)) !== null) return token;
  return issueFormGuardToken(now);
}
