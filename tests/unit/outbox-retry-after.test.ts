import { describe, expect, it, vi } from 'vitest';
import { EmailSendError, isPermanentSendError, parseRetryAfter, retryAfterMsOf } from '@/lib/email/transports/types';

describe('parseRetryAfter (a provider’s Retry-After header)', () => {
  const now = Date.parse('2026-12-05T12:00:00Z');

  it('reads delta-seconds and HTTP dates, in ms from now', () => {
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter(' 0.5 ', now)).toBe(500);
    expect(parseRetryAfter('Sat, 05 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
  });

  it('ignores what it cannot read, never waits a negative time, and caps at six hours', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('Sat, 05 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('999999', now)).toBe(6 * 60 * 60_000);
  });

  it('travels on the send error to the drainer', () => {
    expect(retryAfterMsOf(new EmailSendError('429', { permanent: false, status: 429, retryAfterMs: 2_000 }))).toBe(2_000);
    expect(retryAfterMsOf(new Error('network'))).toBeUndefined();
  });
});

describe('a send error from another copy of the module', () => {
  // Next bundles server code into chunks with their own module instances: the CWC hook registered at
  // boot throws its copy's EmailSendError to a drain kicked from a server action's chunk.
  it('is still recognised: a refusal stays final, and Retry-After still travels', async () => {
    vi.resetModules();
    const other = await import('@/lib/email/transports/types');
    const refused = new other.EmailSendError('Refused by the service', { permanent: true, status: 400 });
    expect(refused).not.toBeInstanceOf(EmailSendError);
    expect(isPermanentSendError(refused)).toBe(true);
    expect(retryAfterMsOf(new other.EmailSendError('503', { permanent: false, status: 503, retryAfterMs: 120_000 }))).toBe(120_000);
    // Nothing else passes for one.
    expect(isPermanentSendError(Object.assign(new Error('Refused'), { name: 'EmailSendError', permanent: true }))).toBe(false);
  });
});
