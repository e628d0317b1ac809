import { afterEach, describe, expect, it } from 'vitest';
import { env, resetEnvCache } from '@/lib/env';
import { addressBucket, currentRequestOrigin, resolveClientAddress } from '@/lib/security/client-ip';
import { PUBLIC_LIMITS, enforcePublicLimits } from '@/lib/security/public-limits';

const none = { hops: 0 };
const oneHop = { hops: 1 };

function withTrustProxy(value: string | undefined) {
  if (value === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = value;
  resetEnvCache();
}

const saved = process.env.TRUST_PROXY;
afterEach(() => withTrustProxy(saved));

describe('resolveClientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress({ peer: '203.0.113.7', forwardedFor: '1.1.1.1' }, none)).toBe('203.0.113.7');
    expect(resolveClientAddress({ peer: '203.0.113.7', forwardedFor: '1.1.1.1, 2.2.2.2' }, none)).toBe('203.0.113.7');
    expect(resolveClientAddress({ peer: '203.0.113.7', forwardedFor: undefined }, none)).toBe('203.0.113.7');
  });

  it('behind one trusted hop takes the right-most X-Forwarded-For entry, never what the client prepended', () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the load balancer appended the address it saw.
    expect(resolveClientAddress({ peer: '10.0.0.2', forwardedFor: '6.6.6.6, 203.0.113.9' }, oneHop)).toBe('203.0.113.9');
    expect(resolveClientAddress({ peer: '10.0.0.2', forwardedFor: '203.0.113.9' }, oneHop)).toBe('203.0.113.9');
    // Nothing forwarded: the peer is all we know.
    expect(resolveClientAddress({ peer: '10.0.0.2', forwardedFor: undefined }, oneHop)).toBe('10.0.0.2');
    // Two trusted hops (CDN in front of a load balancer).
    expect(resolveClientAddress({ peer: '10.0.0.2', forwardedFor: '6.6.6.6, 203.0.113.9, 192.0.2.1' }, { hops: 2 })).toBe('203.0.113.9');
  });

  it('with a list, trusts hops by address and stops at the first untrusted one from the right', () => {
    const trust = { addresses: ['loopback', '10.0.0.0/8'] };
    expect(resolveClientAddress({ peer: '10.1.2.3', forwardedFor: '6.6.6.6, 203.0.113.9, 10.9.9.9' }, trust)).toBe('203.0.113.9');
    expect(resolveClientAddress({ peer: '::1', forwardedFor: '203.0.113.9' }, trust)).toBe('203.0.113.9');
    // A peer outside the list is the client, even if it sends a header.
    expect(resolveClientAddress({ peer: '198.51.100.4', forwardedFor: '10.0.0.1' }, trust)).toBe('198.51.100.4');
    expect(resolveClientAddress({ peer: undefined, forwardedFor: '1.1.1.1' }, trust)).toBe('unknown');
  });

  it('reads TRUST_PROXY: a hop count, or addresses/CIDRs/names; `true` and junk stop the app', () => {
    withTrustProxy('1');
    expect(env().TRUST_PROXY).toEqual({ hops: 1 });
    withTrustProxy('uniquelocal, 203.0.113.0/24');
    expect(env().TRUST_PROXY).toEqual({ addresses: ['uniquelocal', '203.0.113.0/24'] });
    expect(resolveClientAddress({ peer: '172.16.0.5', forwardedFor: '6.6.6.6, 198.51.100.8, 203.0.113.3' })).toBe('198.51.100.8');
    withTrustProxy(undefined);
    expect(env().TRUST_PROXY).toEqual({ hops: 0 });
    for (const bad of ['true', 'proxy.example.org', '10.0.0.0/99']) {
      withTrustProxy(bad);
      expect(() => env(), bad).toThrow(/TRUST_PROXY: must be a hop count/);
    }
  });
});

describe('addressBucket', () => {
  it('groups an IPv6 /64 into one bucket and reads IPv4-mapped addresses as IPv4', () => {
    expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(addressBucket('2001:db8:1:2::9'));
    expect(addressBucket('2001:db8:1:3::9')).not.toBe(addressBucket('2001:db8:1:2::9'));
    expect(addressBucket('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(addressBucket('203.0.113.5')).toBe('203.0.113.5');
  });
});

describe('per-connection limits against forged headers', () => {
  const limit = PUBLIC_LIMITS.unsubscribe.ip.limit;

  async function exhaust(origin: (i: number) => { peer: string; forwardedFor?: string }) {
    for (let i = 0; i < limit; i++) await enforcePublicLimits('unsubscribe', { origin: { forwardedFor: undefined, ...origin(i) } });
    return enforcePublicLimits('unsubscribe', { origin: { forwardedFor: undefined, ...origin(limit) } });
  }

  it('a direct client changing X-Forwarded-For on every request stays limited', async () => {
    withTrustProxy('0');
    await expect(exhaust((i) => ({ peer: '198.51.100.20', forwardedFor: `10.0.${i >> 8}.${i & 255}` }))).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
  });

  it('behind a trusted load balancer, a client prepending forged hops stays limited', async () => {
    withTrustProxy('1');
    await expect(
      exhaust((i) => ({ peer: '10.0.0.2', forwardedFor: `192.0.2.${i & 255}, 10.${i & 255}.0.1, 198.51.100.21` })),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('an IPv6 client rotating addresses inside its /64 stays limited', async () => {
    withTrustProxy('0');
    await expect(exhaust((i) => ({ peer: `2001:db8:77:1::${(i + 1).toString(16)}` }))).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('outside lib/cli/server.mjs only the right-most X-Forwarded-For hop counts, and X-Real-IP never', async () => {
    withTrustProxy('0');
    const forged = new Headers({ 'x-forwarded-for': '1.2.3.4, 198.51.100.30', 'x-real-ip': '5.6.7.8' });
    const origin = await currentRequestOrigin(forged);
    expect(origin).toEqual({ peer: '198.51.100.30', forwardedFor: '1.2.3.4' });
    expect(resolveClientAddress(origin)).toBe('198.51.100.30');
  });
});
