import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { drainOutbox } from '@/lib/email/drain';
import { enqueueEmail } from '@/lib/email/enqueue';
import { secretLink } from '@/lib/email/secret-links';
import { createResendTransport, getTransport } from '@/lib/email/transports';
import { resetEnvCache } from '@/lib/env';
import { startFakeResend, type FakeResend } from '../support/fake-resend';
import { getTestDb } from '../support/test-db';

const update = {
  firstName: 'Maya',
  subject: 'Hearing scheduled',
  bodyText: 'The committee meets next month.',
  unsubscribeUrl: secretLink('/unsubscribe/{token}', 'abc'),
  coalitionName: 'Child Rights Coalition',
};

let fake: FakeResend;
beforeEach(async () => {
  fake = await startFakeResend();
});
afterEach(async () => {
  await fake.close();
});

describe('Resend transport (against a local fake)', () => {
  it('delivers with the row’s idempotency key and the List-Unsubscribe headers', async () => {
    const { db } = await getTestDb();
    const id = (await enqueueEmail(db, { template: 'campaign-update', to: 'maya@example.org', props: update, idempotencyKey: 'update:1:maya' }))!;
    const transport = createResendTransport({ apiKey: 're_test_123', baseUrl: fake.url });
    expect(await drainOutbox({ transport })).toMatchObject({ claimed: 1, sent: 1 });

    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0];
    expect(req).toMatchObject({ method: 'POST', path: '/emails', idempotencyKey: 'update:1:maya' });
    expect(req.headers.authorization).toBe('Bearer re_test_123');
    expect(req.body).toMatchObject({
      to: 'maya@example.org',
      subject: 'Hearing scheduled',
      headers: {
        'List-Unsubscribe': '<http://localhost:3000/api/unsubscribe/abc>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    expect(req.body.html).toContain('The committee meets next month.');
    expect(req.body.text).toContain('The committee meets next month.');

    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(row).toMatchObject({ status: 'sent', transport: 'resend', attempts: 1 });
    expect(row.providerMessageId).toBe(fake.requests[0].id);
  });

  it('rides out an outage: retried later and delivered once, nothing lost', async () => {
    const { db } = await getTestDb();
    for (let i = 0; i < 3; i++) {
      await enqueueEmail(db, { template: 'campaign-update', to: `s${i}@example.org`, props: update, idempotencyKey: `outage:${i}` });
    }
    const transport = createResendTransport({ apiKey: 're_test', baseUrl: fake.url });
    fake.failNext(5); // first pass: all three fail; second pass: two more fail
    expect(await drainOutbox({ transport, backoffBaseMs: 60_000 })).toEqual({ claimed: 3, sent: 0, retried: 3, failed: 0 });
    const queued = await db.select().from(emailOutbox);
    expect(queued.every((r) => r.status === 'queued' && r.nextAttemptAt.getTime() > Date.now() + 30_000)).toBe(true);
    expect(queued[0].lastError).toMatch(/500 internal_server_error/);

    await db.update(emailOutbox).set({ nextAttemptAt: sql`now()` });
    expect(await drainOutbox({ transport, backoffBaseMs: 60_000 })).toEqual({ claimed: 3, sent: 1, retried: 2, failed: 0 });
    await db.update(emailOutbox).set({ nextAttemptAt: sql`now()` });
    expect(await drainOutbox({ transport, backoffBaseMs: 60_000 })).toEqual({ claimed: 2, sent: 2, retried: 0, failed: 0 });

    const rows = await db.select().from(emailOutbox);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    const delivered = fake.delivered();
    expect(delivered.map((r) => r.idempotencyKey).sort()).toEqual(['outage:0', 'outage:1', 'outage:2']);
    expect(new Set(rows.map((r) => r.providerMessageId)).size).toBe(3);
    expect(fake.requests).toHaveLength(8);
  });

  it('fails a rejected message at once but retries rate limits', async () => {
    const { db } = await getTestDb();
    const transport = createResendTransport({ apiKey: 're_test', baseUrl: fake.url });
    const rejected = (await enqueueEmail(db, { template: 'campaign-update', to: 'a@example.org', props: update, idempotencyKey: 'r:1' }))!;
    fake.failNext(1, 422, { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' });
    expect(await drainOutbox({ transport })).toMatchObject({ failed: 1 });
    const [a] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, rejected));
    expect(a).toMatchObject({ status: 'failed', attempts: 1, lastError: 'Resend 422 validation_error: Invalid `to` field.' });

    const limited = (await enqueueEmail(db, { template: 'campaign-update', to: 'b@example.org', props: update, idempotencyKey: 'r:2' }))!;
    fake.failNext(1, 429, { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' });
    expect(await drainOutbox({ transport })).toMatchObject({ retried: 1 });
    const [b] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, limited));
    expect(b.status).toBe('queued');
  });

  it('honours Retry-After: the limited row and the rest of its batch wait at least that long', async () => {
    const { db } = await getTestDb();
    const transport = createResendTransport({ apiKey: 're_test', baseUrl: fake.url });
    for (let i = 0; i < 3; i++) {
      await enqueueEmail(db, { template: 'campaign-update', to: `w${i}@example.org`, props: update, idempotencyKey: `wait:${i}` });
    }
    fake.failNext(1, 429, { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' }, { 'retry-after': '30' });
    // A 1 ms backoff would retry at once: the provider's 30 s is what counts.
    expect(await drainOutbox({ transport, backoffBaseMs: 1 })).toEqual({ claimed: 1, sent: 0, retried: 1, failed: 0 });
    expect(fake.requests).toHaveLength(1);
    const rows = await db.select().from(emailOutbox);
    expect(rows.map((r) => r.status)).toEqual(['queued', 'queued', 'queued']);
    // The two never attempted are not charged an attempt, and wait too.
    expect(rows.map((r) => r.attempts).sort()).toEqual([0, 0, 1]);
    expect(rows.every((r) => r.nextAttemptAt.getTime() > Date.now() + 25_000)).toBe(true);
    expect(await drainOutbox({ transport, backoffBaseMs: 1 })).toMatchObject({ claimed: 0 });

    await db.update(emailOutbox).set({ nextAttemptAt: sql`now()` });
    expect(await drainOutbox({ transport, backoffBaseMs: 1 })).toMatchObject({ claimed: 3, sent: 3 });
  });

  it('abandons a send the provider does not answer, and retries it', async () => {
    const { db } = await getTestDb();
    await enqueueEmail(db, { template: 'campaign-update', to: 'hang@example.org', props: update, idempotencyKey: 'hang:1' });
    fake.setMode({ kind: 'hang' });
    const transport = createResendTransport({ apiKey: 're_test', baseUrl: fake.url, timeoutMs: 300 });
    const started = Date.now();
    expect(await drainOutbox({ transport, backoffBaseMs: 1, sendTimeoutMs: 300 })).toMatchObject({ retried: 1 });
    expect(Date.now() - started).toBeLessThan(5_000);
    fake.setMode({ kind: 'ok' });
    await db.update(emailOutbox).set({ nextAttemptAt: sql`now()` });
    expect(await drainOutbox({ transport })).toMatchObject({ sent: 1 });
    expect(fake.emails()).toHaveLength(1);
  });

  it('the fake keeps an idempotency key 24 hours and refuses it with another payload (409)', async () => {
    let now = Date.now();
    const clocked = await startFakeResend({ clock: () => now });
    try {
      const send = (body: Record<string, unknown>) =>
        fetch(`${clocked.url}/emails`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'k1' }, body: JSON.stringify(body) });
      const first = await send({ to: 'a@example.org', subject: 'Hi' });
      const { id } = await first.json();
      expect(await (await send({ to: 'a@example.org', subject: 'Hi' })).json()).toEqual({ id });
      const other = await send({ to: 'a@example.org', subject: 'Changed' });
      expect(other.status).toBe(409);
      expect((await other.json()).name).toBe('invalid_idempotent_request');
      expect(clocked.emails()).toHaveLength(1);
      now += 24 * 60 * 60_000 + 1;
      expect((await send({ to: 'a@example.org', subject: 'Changed' })).status).toBe(200);
      expect(clocked.emails()).toHaveLength(2);
    } finally {
      await clocked.close();
    }
  });

  it('is the transport getTransport() picks when RESEND_API_KEY is set', async () => {
    const saved = { key: process.env.RESEND_API_KEY, url: process.env.RESEND_BASE_URL };
    try {
      delete process.env.RESEND_API_KEY;
      resetEnvCache();
      expect(getTransport().name).toBe('local');
      process.env.RESEND_API_KEY = 're_env';
      process.env.RESEND_BASE_URL = fake.url;
      resetEnvCache();
      const transport = getTransport();
      expect(transport.name).toBe('resend');
      const { db } = await getTestDb();
      await enqueueEmail(db, { template: 'campaign-update', to: 'maya@example.org', props: update, idempotencyKey: 'env:1' });
      expect(await drainOutbox()).toMatchObject({ sent: 1 });
      expect(fake.requests[0].headers.authorization).toBe('Bearer re_env');
    } finally {
      if (saved.key === undefined) delete process.env.RESEND_API_KEY;
      else process.env.RESEND_API_KEY = saved.key;
      if (saved.url === undefined) delete process.env.RESEND_BASE_URL;
      else process.env.RESEND_BASE_URL = saved.url;
      resetEnvCache();
    }
  });
});
