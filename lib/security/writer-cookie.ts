import 'server-only';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { getAppSecret } from './app-secret';

// "Confirmed writer": after a person clicks a confirmation link sent to their address, this browser
// may send further letters in that address's name without another email round trip. The cookie is
// signed (HMAC-SHA256 with a key derived from AUTH_SECRET), HttpOnly, expires, and is void once
// the address unsubscribes or is forgotten (supporters.writer_trust_revoked_at / forgotten_at).
export const WRITER_COOKIE = 'ratify_writer';
export const WRITER_COOKIE_DAYS = 30;

export type TrustedWriter = { email: string; issuedAt: Date };

async function key(): Promise<Buffer> {
  const secret = await getAppSecret('auth_secret', env().AUTH_SECRET);
  return Buffer.from(hkdfSync('sha256', secret, 'ratify', 'confirmed-writer-cookie', 32));
}

async function mac(payload: string): Promise<string> {
  return createHmac('sha256', await key()).update(payload).digest('base64url');
}

/** The cookie's value and attributes for `cookies().set(…)`. */
export async function issueWriterCookie(email: string, now = Date.now()) {
  const payload = Buffer.from(JSON.stringify({ e: email.trim().toLowerCase(), t: now })).toString('base64url');
  return {
    name: WRITER_COOKIE,
    value: `${payload}.${await mac(payload)}`,
    options: {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: env().APP_URL.startsWith('https:'),
      path: '/',
      maxAge: WRITER_COOKIE_DAYS * 24 * 3600,
    },
  };
}

/** The writer a cookie vouches for, or null (absent, forged, malformed or expired). */
export async function readWriterCookie(value: string | undefined, now = Date.now()): Promise<TrustedWriter | null> {
  if (!value || value.length > 1000) return null;
  const [payload, sig] = value.split('.');
  if (!payload || !sig) return null;
  const expected = Buffer.from(await mac(payload));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { e?: unknown; t?: unknown };
    if (typeof data.e !== 'string' || typeof data.t !== 'number') return null;
    if (data.t > now || now - data.t > WRITER_COOKIE_DAYS * 24 * 3600_000) return null;
    return { email: data.e, issuedAt: new Date(data.t) };
  } catch {
    return null;
  }
}
