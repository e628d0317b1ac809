import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';
import { keyedHash } from './hash';

/**
 * The client's address as far as the app can tell. Next fills X-Forwarded-For with the socket
 * address only when the request has none, so the header is client-controlled unless a proxy we
 * trust (TRUST_PROXY) rewrites it. Trusted: its first hop is the client. Untrusted: prefer
 * X-Real-IP, else the last hop (the nearest peer's claim); a direct client can then pick its own
 * per-IP bucket, which is why per-email limits exist too. Never one shared bucket: that would let
 * one abuser lock everybody out.
 */
export function clientIpFrom(h: Pick<Headers, 'get'>, trustProxy = env().TRUST_PROXY): string {
  const hops = (h.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (trustProxy && hops.length) return hops[0];
  return h.get('x-real-ip')?.trim() || hops.at(-1) || 'unknown';
}

/** HMAC-SHA256(salt, client IP) for rate-limit keys: the raw IP is never stored or logged. */
export async function getClientIpHash(requestHeaders?: Pick<Headers, 'get'>): Promise<string> {
  return keyedHash(`ip:${clientIpFrom(requestHeaders ?? (await headers()))}`);
}
