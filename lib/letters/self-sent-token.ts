import 'server-only';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { getAppSecret } from '@/lib/security/app-secret';

// The "I sent it" link of a send-it-yourself letter: the letter's id and an HMAC of it (key derived
// from AUTH_SECRET), so it needs no stored token, stays valid however often it is used, and lets its
// holder do exactly one thing: report that letter as sent. Low stakes, so it is not sealed in the
// outbox like sign-in or confirmation links.

const ID = /^[0-9a-f]{32}$/;

async function mac(compactId: string): Promise<string> {
  const secret = await getAppSecret('auth_secret', env().AUTH_SECRET);
  const key = Buffer.from(hkdfSync('sha256', secret, 'ratify', 'self-sent-letter', 32));
  return createHmac('sha256', key).update(compactId).digest('base64url').slice(0, 32);
}

export async function selfSentToken(letterId: string): Promise<string> {
  const compact = letterId.replace(/-/g, '').toLowerCase();
  return `${compact}.${await mac(compact)}`;
}

/** The letter id a token names, or null when it is malformed or forged. */
export async function letterIdOfSelfSentToken(token: string): Promise<string | null> {
  const [compact, given] = token.split('.');
  if (!compact || !given || !ID.test(compact) || token.length > 100) return null;
  const expected = Buffer.from(await mac(compact));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return `${compact.slice(0, 8)}-${compact.slice(8, 12)}-${compact.slice(12, 16)}-${compact.slice(16, 20)}-${compact.slice(20)}`;
}

export async function selfSentUrl(letterId: string): Promise<string> {
  return `${env().APP_URL.replace(/\/$/, '')}/letters/sent/${await selfSentToken(letterId)}`;
}
