import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CwcConfig } from '@/lib/env';
import { buildCwcMessage } from '@/lib/letters/cwc/build-cwc-message';
import { sendCwcMessage } from '@/lib/letters/cwc/send-cwc-message';
import { CWC_TEST_CONFIG, cwcLetter } from '../support/cwc-fixtures';
import { startFakeSoapbox, type FakeSoapbox } from '../support/fake-soapbox';

let fake: FakeSoapbox;
let config: CwcConfig;

beforeAll(async () => {
  fake = await startFakeSoapbox({ apiKey: 'k3y-Senate-7Q' });
  config = { ...CWC_TEST_CONFIG, apiKey: fake.apiKey, baseUrl: fake.url };
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.setInactiveOffices([]);
});

const message = (o: Parameters<typeof cwcLetter>[0] = {}) => buildCwcMessage(cwcLetter(o));
const send = (m: ReturnType<typeof message>, extra: Partial<Parameters<typeof sendCwcMessage>[1]> = {}) =>
  sendCwcMessage(m, { config, ...extra });

describe('sendCwcMessage against the fake SOAPBox', () => {
  it('posts the XML with the key and is accepted once; a repeat of the same letter is a 409 that counts as accepted', async () => {
    const m = message();
    const first = await send(m);
    expect(first).toEqual({ outcome: 'accepted', deliveryId: m.deliveryId, status: 201, duplicate: false, reference: null });

    const request = fake.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', path: '/api/testing-messages/', apiKey: fake.apiKey, contentType: 'application/xml' });
    expect(request.xml).toBe(m.xml);

    const again = await send(m);
    expect(again).toMatchObject({ outcome: 'accepted', status: 409, duplicate: true });
    expect(fake.accepted().filter((a) => a.deliveryId === m.deliveryId)).toEqual([
      { deliveryId: m.deliveryId, officeCode: 'SMN01', xml: m.xml },
    ]);
  });

  it('survives a lost answer: the retry of the same letter is recognised, and the Senate holds it once', async () => {
    const m = message();
    fake.acceptThenDropNext(1);
    const lost = await send(m);
    expect(lost).toMatchObject({ outcome: 'retryable', cause: 'network', status: null });
    const retried = await send(m);
    expect(retried).toMatchObject({ outcome: 'accepted', duplicate: true });
    expect(fake.accepted().filter((a) => a.deliveryId === m.deliveryId)).toHaveLength(1);
  });

  it('passes on the service’s reasons when it refuses a message, for good', async () => {
    fake.setInactiveOffices(['SMN01']);
    const refused = await send(message());
    expect(refused).toEqual({
      outcome: 'rejected',
      deliveryId: expect.stringMatching(/^[0-9a-f]{32}$/),
      status: 400,
      reasons: ['Office SMN01 does not accept messages through CWC'],
    });

    // A message that breaks the schema (no street address) is refused with the validator's words.
    const m = message();
    const broken = { ...m, xml: m.xml.replace(/<Address1>[^<]*<\/Address1>/, '') };
    const invalid = await send(broken);
    expect(invalid.outcome).toBe('rejected');
    if (invalid.outcome !== 'rejected') return;
    expect(invalid.status).toBe(400);
    expect(invalid.reasons.join(' ')).toMatch(/City.*Expected is.*Address1/);
    expect(fake.accepted().some((a) => a.deliveryId === m.deliveryId)).toBe(false);
  });

  it('sorts outages into retry classes, with the service’s Retry-After', async () => {
    const held = fake.accepted().length;
    fake.failNext(1, 500);
    expect(await send(message())).toMatchObject({ outcome: 'retryable', status: 500, cause: 'server_error', retryAfterMs: null });

    fake.failNext(1, 503, { retryAfter: '120' });
    expect(await send(message())).toMatchObject({ outcome: 'retryable', status: 503, cause: 'unavailable', retryAfterMs: 120_000 });

    const at = new Date(Date.now() + 90_000).toUTCString();
    fake.failNext(1, 429, { retryAfter: at });
    const limited = await send(message());
    expect(limited).toMatchObject({ outcome: 'retryable', status: 429, cause: 'rate_limited' });
    if (limited.outcome === 'retryable') {
      expect(limited.retryAfterMs).toBeGreaterThan(60_000);
      expect(limited.retryAfterMs).toBeLessThanOrEqual(90_000);
    }

    fake.dropNext(1);
    expect(await send(message())).toMatchObject({ outcome: 'retryable', status: null, cause: 'network' });

    fake.hangNext(1);
    expect(await send(message(), { timeoutMs: 300 })).toMatchObject({
      outcome: 'retryable',
      status: null,
      cause: 'timeout',
      reason: 'Could not reach SOAPBox: no answer within 300 ms',
    });
    // None of these left a message behind.
    expect(fake.accepted()).toHaveLength(held);
  });

  it('treats a refused key or a wrong endpoint as retryable settings, and never echoes the key', async () => {
    const wrongKey = await sendCwcMessage(message(), { config: { ...config, apiKey: 'not-the-key' } });
    expect(wrongKey).toMatchObject({ outcome: 'retryable', status: 401, cause: 'unauthorized' });
    if (wrongKey.outcome === 'retryable') {
      expect(wrongKey.reason).toBe('SOAPBox refused the API key; check CWC_API_KEY (HTTP 401): Invalid or missing API key');
    }

    const wrongPath = await sendCwcMessage(message(), { config: { ...config, baseUrl: fake.url.replace('testing-messages', 'message') } });
    expect(wrongPath).toMatchObject({ outcome: 'retryable', status: 404, cause: 'misconfigured' });

    // Nothing listening: connection refused.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await sendCwcMessage(message(), { config: { ...config, baseUrl: `http://127.0.0.1:${port}/api/testing-messages/` } });
    expect(refused).toMatchObject({ outcome: 'retryable', cause: 'network', reason: 'Could not reach SOAPBox: ECONNREFUSED' });
    for (const r of [wrongKey, wrongPath, refused]) expect(JSON.stringify(r)).not.toContain(config.apiKey);
  });

  it('refuses a body that is not application/xml, as SOAPBox does', async () => {
    const m = message();
    const res = await fetch(`${fake.url}?apikey=${fake.apiKey}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: m.xml });
    expect(res.status).toBe(415);
    expect(await res.text()).toContain('<Error>Content-Type must be application/xml</Error>');
  });
});
