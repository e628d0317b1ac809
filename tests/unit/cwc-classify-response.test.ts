import { describe, expect, it } from 'vitest';
import { classifyCwcResponse, readCwcReasons, retryAfterMs } from '@/lib/letters/cwc/classify-cwc-response';

const ID = 'a'.repeat(32);
const answer = (status: number, body = '', headers: Record<string, string> = {}) =>
  classifyCwcResponse({ status, body, headers: new Headers(headers), deliveryId: ID, now: Date.parse('2026-05-01T12:00:00Z') });

describe('classifyCwcResponse', () => {
  it('accepts 2xx and counts a 409 (DeliveryId already received) as accepted', () => {
    expect(answer(201)).toEqual({ outcome: 'accepted', deliveryId: ID, status: 201, duplicate: false, reference: null });
    expect(answer(200, '{"messageId":"M-77"}', { 'content-type': 'application/json' })).toMatchObject({ reference: 'M-77' });
    expect(answer(409, '<Errors><Error>Duplicate</Error></Errors>')).toMatchObject({ outcome: 'accepted', duplicate: true });
  });

  it('rejects for good what the service refuses, with its reasons', () => {
    const body = '<?xml version="1.0"?><Errors><Error>Prefix is invalid</Error><Error>  Zip   is required </Error></Errors>';
    expect(answer(400, body)).toEqual({ outcome: 'rejected', deliveryId: ID, status: 400, reasons: ['Prefix is invalid', 'Zip is required'] });
    expect(answer(415, '')).toEqual({ outcome: 'rejected', deliveryId: ID, status: 415, reasons: ['SOAPBox refused the message (HTTP 415)'] });
    expect(answer(422, '{"errors":[{"message":"bad office"}]}')).toMatchObject({ outcome: 'rejected', reasons: ['bad office'] });
    expect(answer(413, 'Payload Too Large')).toMatchObject({ outcome: 'rejected', reasons: ['Payload Too Large'] });
  });

  it('retries outages, rate limits, a refused key and a wrong endpoint', () => {
    const cases: [number, string, Record<string, string>?][] = [
      [500, 'server_error'],
      [502, 'unavailable'],
      [503, 'unavailable', { 'retry-after': '30' }],
      [504, 'unavailable'],
      [429, 'rate_limited', { 'retry-after': 'Fri, 01 May 2026 12:02:00 GMT' }],
      [408, 'timeout'],
      [401, 'unauthorized'],
      [403, 'unauthorized'],
      [404, 'misconfigured'],
      [301, 'misconfigured', { location: 'https://soapbox.example/api/messages/?apikey=secret' }],
    ];
    for (const [status, cause, headers] of cases) {
      expect(answer(status, '', headers), String(status)).toMatchObject({ outcome: 'retryable', status, cause });
    }
    expect(answer(503, '', { 'retry-after': '30' })).toMatchObject({ retryAfterMs: 30_000 });
    expect(answer(429, '', { 'retry-after': 'Fri, 01 May 2026 12:02:00 GMT' })).toMatchObject({ retryAfterMs: 120_000 });
    const moved = answer(301, '', { location: 'https://soapbox.example/api/messages/?apikey=secret' });
    expect(moved).toMatchObject({ reason: expect.stringContaining('https://soapbox.example/api/messages/') });
    expect(JSON.stringify(moved)).not.toContain('secret');
  });
});

describe('readCwcReasons', () => {
  it('reads XML errors, JSON errors, HTML pages and plain text; bounded', () => {
    expect(readCwcReasons('<Errors><Error>a &amp; b</Error></Errors>', 'application/xml')).toEqual(['a & b']);
    expect(readCwcReasons('{"error":"Office not participating"}', 'application/json')).toEqual(['Office not participating']);
    expect(readCwcReasons('<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html')).toEqual(['502 Bad Gateway']);
    expect(readCwcReasons('<p>broken <b>html', 'text/html')).toEqual(['broken html']);
    expect(readCwcReasons('  \n ', null)).toEqual([]);
    const many = `<Errors>${Array.from({ length: 30 }, (_, i) => `<Error>e${i} ${'x'.repeat(400)}</Error>`).join('')}</Errors>`;
    const read = readCwcReasons(many, 'application/xml');
    expect(read).toHaveLength(10);
    expect(read.every((r) => r.length === 300)).toBe(true);
  });

  it('parses Retry-After as seconds or a date', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs('15', now)).toBe(15_000);
    expect(retryAfterMs('Fri, 01 May 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
