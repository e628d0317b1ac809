import { describe, expect, it } from 'vitest';
import { EmailSendError, parseRetryAfter, retryAfterMsOf } from '@/lib/email/transports/types';

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
