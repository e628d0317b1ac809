import 'server-only';
import ipaddr from 'ipaddr.js';
import { headers } from 'next/headers';
import proxyaddr from 'proxy-addr';
import { env, type Env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { keyedHash } from './hash';
import { requestOrigin, type RequestOrigin } from './request-origin';

export type { RequestOrigin } from './request-origin';
type TrustProxy = Env['TRUST_PROXY'];

const compiled = new WeakMap<TrustProxy, (addr: string, i: number) => boolean>();

function trustFn(trust: TrustProxy) {
  let fn = compiled.get(trust);
  if (!fn) {
    // A hop count trusts the peer and the next hops to its left, whatever their address (Express's
    // `trust proxy = n`); a list trusts hops by address only.
    fn = 'hops' in trust ? ((_addr, i) => i < trust.hops) : proxyaddr.compile(trust.addresses);
    compiled.set(trust, fn);
  }
  return fn;
}

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy (TRUST_PROXY), in which
 * case walk X-Forwarded-For from the right and take the first hop that is not trusted. Hops to the
 * left of it were written by the client and are never believed; X-Real-IP is never read.
 */
export function resolveClientAddress(origin: RequestOrigin, trust: TrustProxy = env().TRUST_PROXY): string {
  if (!origin.peer) return 'unknown';
  const req = { socket: { remoteAddress: origin.peer }, headers: { 'x-forwarded-for': origin.forwardedFor ?? '' } };
  return proxyaddr(req as unknown as Parameters<typeof proxyaddr>[0], trustFn(trust));
}

/**
 * The rate-limit bucket for an address. An IPv6 subscriber gets a whole /64 (often far more), so a
 * per-address limit would let one person rotate through 2^64 addresses: bucket by /64. IPv4-mapped
 * IPv6 (`::ffff:1.2.3.4`, how a dual-stack socket reports IPv4 peers) counts as the IPv4 address.
 */
export function addressBucket(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv4') return ip.toString();
  const parts = (ip as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}

let warnedNoOrigin = false;

/**
 * The current request's origin. Under lib/cli/server.mjs it comes from the socket. Anywhere else
 * (`next dev`, plain `next start`) only headers are left: the right-most X-Forwarded-For hop is what
 * Next wrote from the socket for a direct connection — but a direct client can send that header
 * itself, so production must run lib/cli/server.mjs (npm start / npm run start:server).
 */
export async function currentRequestOrigin(requestHeaders?: Pick<Headers, 'get'>): Promise<RequestOrigin> {
  const origin = requestOrigin();
  if (origin) return origin;
  if (!warnedNoOrigin && env().NODE_ENV === 'production') {
    warnedNoOrigin = true;
    logger.error('client addresses come from request headers: start the app with `npm run start:server`, not `next start`');
  }
  const hops = ((requestHeaders ?? (await headers())).get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { peer: hops.pop(), forwardedFor: hops.join(', ') || undefined };
}

/** HMAC-SHA256(salt, client bucket) for rate-limit keys: the raw IP is never stored or logged. */
export async function clientIpHash(origin: RequestOrigin): Promise<string> {
  return keyedHash(`ip:${addressBucket(resolveClientAddress(origin))}`);
}

/** The hash for the request being handled (`requestHeaders`: only where no socket is known). */
export async function getClientIpHash(requestHeaders?: Pick<Headers, 'get'>): Promise<string> {
  return clientIpHash(await currentRequestOrigin(requestHeaders));
}
