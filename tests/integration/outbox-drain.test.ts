import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { queryRows } from '@/db/raw';
import { campaigns, emailOutbox, letters, organisations, senators, supporters, treaties } from '@/db/schema';
import { drainOutbox } from '@/lib/email/drain';
import { enqueueEmail } from '@/lib/email/enqueue';
import { secretLink } from '@/lib/email/secret-links';
import { retryOutboxEmail } from '@/lib/email/retry';
import { EmailSendError, createLocalTransport, type EmailTransport, type OutgoingEmail } from '@/lib/email/transports';
import { AppError } from '@/lib/errors';
import { getTestDb } from '../support/test-db';

const update = {
  firstName: 'Maya',
  subject: 'Hearing scheduled',
  bodyText: 'The committee meets next month.',
  unsubscribeUrl: secretLink('/unsubscribe/{token}', 'abc'),
  coalitionName: 'Child Rights Coalition',
};

/** A transport that fails the way we tell it to, recording what it was asked to send. */
function failingTransport(makeError: () => Error): EmailTransport & { calls: OutgoingEmail[] } {
  const calls: OutgoingEmail[] = [];
  return {
    name: 'failing',
    calls,
    async send(msg) {
      calls.push(msg);
      throw makeError();
    },
  };
}

async function makeDue(db: Db) {
  await db.update(emailOutbox).set({ nextAttemptAt: sql`now()` }).where(eq(emailOutbox.status, 'queued'));
}

/** The backoff the drainer chose, measured in the database (both timestamps come from one now()). */
async function scheduledDelayMs(db: Db, id: string): Promise<number> {
  const [r] = await queryRows<{ ms: number }>(
    db,
    sql`select (extract(epoch from (next_attempt_at - updated_at)) * 1000)::float8 as ms from email_outbox where id = ${id}`,
  );
  return Number(r.ms);
}

async function letterFixture(db: Db) {
  const [org] = await db.insert(organisations).values({ slug: 'crc', name: 'Child Rights Coalition' }).returning();
  const [treaty] = await db.insert(treaties).values({ slug: 'crc', name: 'Convention on the Rights of the Child', shortName: 'CRC', stage: 'signed' }).returning();
  const [campaign] = await db.insert(campaigns).values({ organisationId: org.id, treatyId: treaty.id, slug: 'ratify-crc', title: 'Ratify the CRC' }).returning();
  const [supporter] = await db.insert(supporters).values({ email: 'maya@example.org', firstName: 'Maya', state: 'CA' }).returning();
  await db.insert(senators).values({ bioguideId: 'P000145', officialName: 'Alex Padilla', firstName: 'Alex', lastName: 'Padilla', state: 'CA', party: 'D' });
  const [letter] = await db
    .insert(letters)
    .values({ campaignId: campaign.id, supporterId: supporter.id, senatorId: 'P000145', subject: 'Please ratify', body: 'Dear Senator', status: 'queued' })
    .returning();
  const outboxId = await enqueueEmail(db, {
    template: 'letter-to-senator',
    to: 'office@padilla.senate.example',
    idempotencyKey: `letter:${letter.id}`,
    maxAttempts: 2,
    props: {
      subject: 'Please ratify',
      body: 'Dear Senator',
      supporterName: 'Maya Lopez',
      supporterEmail: 'maya@example.org',
      supporterState: 'CA',
      senatorName: 'Sen. Alex Padilla',
      campaignTitle: 'Ratify the CRC',
      coalitionName: 'Child Rights Coalition',
      letterId: letter.id,
    },
  });
  return { letterId: letter.id, outboxId: outboxId! };
}

describe('drainOutbox', () => {
  it('sends through the local transport and keeps the rendered copy', async () => {
    const { db } = await getTestDb();
    const id = await enqueueEmail(db, { template: 'campaign-update', to: 'maya@example.org', props: update, idempotencyKey: 'u:1' });
    const result = await drainOutbox({ transport: createLocalTransport() });
    expect(result).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id!));
    expect(row).toMatchObject({ status: 'sent', attempts: 1, transport: 'local', renderedSubject: 'Hearing scheduled', lastError: null, lockedUntil: null });
    expect(row.providerMessageId).toMatch(/^local-[0-9a-f-]{36}$/);
    expect(row.renderedHtml).toContain('The committee meets next month.');
    expect(row.renderedText).toContain('The committee meets next month.');
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(await drainOutbox({ transport: createLocalTransport() })).toEqual({ claimed: 0, sent: 0, retried: 0, failed: 0 });
  });

  it('retries a failing send with growing backoff, then fails it with the last error', async () => {
    const { db } = await getTestDb();
    const id = (await enqueueEmail(db, { template: 'campaign-update', to: 'maya@example.org', props: update, idempotencyKey: 'u:flaky', maxAttempts: 4 }))!;
    const transport = failingTransport(() => new Error('connection reset'));
    const base = 1_000;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await drainOutbox({ transport, backoffBaseMs: base })).toEqual({ claimed: 1, sent: 0, retried: 1, failed: 0 });
      const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
      expect(row).toMatchObject({ status: 'queued', attempts: attempt, lastError: 'connection reset', lockedUntil: null });
      const delay = await scheduledDelayMs(db, id);
      expect(delay).toBeGreaterThanOrEqual(base * 2 ** (attempt - 1) - 1);
      expect(delay).toBeLessThanOrEqual(base * 2 ** (attempt - 1) * 1.1 + 1);
      delays.push(delay);
      // Not due yet: nothing is claimed until the backoff has passed.
      expect((await drainOutbox({ transport, backoffBaseMs: base })).claimed).toBe(0);
      await makeDue(db);
    }
    expect(delays[1]).toBeGreaterThan(delays[0]);
    expect(delays[2]).toBeGreaterThan(delays[1]);

    expect(await drainOutbox({ transport, backoffBaseMs: base })).toEqual({ claimed: 1, sent: 0, retried: 0, failed: 1 });
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(row).toMatchObject({ status: 'failed', attempts: 4, lastError: 'connection reset' });
    expect(row.renderedSubject).toBe('Hearing scheduled'); // what we tried to send stays visible
    await makeDue(db);
    expect((await drainOutbox({ transport })).claimed).toBe(0);
    expect(transport.calls).toHaveLength(4);
    expect(new Set(transport.calls.map((c) => c.idempotencyKey))).toEqual(new Set(['u:flaky']));
  });

  it('fails at once on a permanent error and on props that cannot render', async () => {
    const { db } = await getTestDb();
    const id = (await enqueueEmail(db, { template: 'campaign-update', to: 'maya@example.org', props: update, idempotencyKey: 'u:perm' }))!;
    // Written around enqueueEmail: the drainer validates again and gives up without sending.
    const [broken] = await db
      .insert(emailOutbox)
      .values({ template: 'campaign-update', toAddress: 'maya@example.org', props: { subject: 'x' }, idempotencyKey: 'u:broken' })
      .returning();
    const transport = failingTransport(() => new EmailSendError('Resend 422 validation_error: Invalid `to` field', { permanent: true, status: 422 }));
    expect(await drainOutbox({ transport })).toEqual({ claimed: 2, sent: 0, retried: 0, failed: 2 });
    const rows = await db.select().from(emailOutbox);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(id)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'Resend 422 validation_error: Invalid `to` field' });
    expect(byId.get(broken.id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(byId.get(broken.id)!.lastError).toMatch(/Invalid props for email template "campaign-update"/);
    expect(transport.calls).toHaveLength(1);
  });

  it('re-claims a row whose drainer died mid-send (lease lapsed)', async () => {
    const { db } = await getTestDb();
    const id = (await enqueueEmail(db, { template: 'campaign-update', to: 'maya@example.org', props: update, idempotencyKey: 'u:lease' }))!;
    await db.update(emailOutbox).set({ status: 'sending', attempts: 1, lockedUntil: sql`now() + interval '1 minute'` }).where(eq(emailOutbox.id, id));
    expect((await drainOutbox({ transport: createLocalTransport() })).claimed).toBe(0); // lease still held
    await db.update(emailOutbox).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(emailOutbox.id, id));
    expect(await drainOutbox({ transport: createLocalTransport() })).toMatchObject({ claimed: 1, sent: 1 });
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('gives up on a re-claimed row that had no attempts left, without sending', async () => {
    const { db } = await getTestDb();
    const id = (await enqueueEmail(db, { template: 'campaign-update', to: 'maya@example.org', props: update, idempotencyKey: 'u:last', maxAttempts: 2 }))!;
    await db.update(emailOutbox).set({ status: 'sending', attempts: 2, lockedUntil: sql`now() - interval '1 second'` }).where(eq(emailOutbox.id, id));
    const transport = failingTransport(() => new Error('should not be called'));
    expect(await drainOutbox({ transport })).toMatchObject({ claimed: 1, failed: 1 });
    expect(transport.calls).toHaveLength(0);
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.lastError).toMatch(/no attempts left/);
  });

  it('marks the letter sent with its email', async () => {
    const { db } = await getTestDb();
    const { letterId, outboxId } = await letterFixture(db);
    const sent: OutgoingEmail[] = [];
    const transport: EmailTransport = { name: 'recording', send: async (m) => (sent.push(m), { id: 'prov-1' }) };
    expect((await drainOutbox({ transport })).sent).toBe(1);
    expect(sent[0]).toMatchObject({ to: 'office@padilla.senate.example', replyTo: 'maya@example.org', subject: 'Please ratify', idempotencyKey: `letter:${letterId}` });
    const [letter] = await db.select().from(letters).where(eq(letters.id, letterId));
    expect(letter.status).toBe('sent');
    expect(letter.sentAt).toBeInstanceOf(Date);
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
    expect(row.providerMessageId).toBe('prov-1');
  });

  it('marks the letter failed on final failure; a staff retry requeues both and delivers', async () => {
    const { db } = await getTestDb();
    const { letterId, outboxId } = await letterFixture(db); // maxAttempts: 2
    const down = failingTransport(() => new Error('503 upstream'));
    expect((await drainOutbox({ transport: down })).retried).toBe(1);
    await makeDue(db);
    expect((await drainOutbox({ transport: down })).failed).toBe(1);
    let [letter] = await db.select().from(letters).where(eq(letters.id, letterId));
    expect(letter).toMatchObject({ status: 'failed', failureReason: '503 upstream' });
    // The writer is told, once, in the transaction that failed the letter.
    const told = await db.select().from(emailOutbox).where(eq(emailOutbox.template, 'letter-delivery-failed'));
    expect(told.map((r) => r.idempotencyKey)).toEqual([`letter-failed:${letterId}`]);

    await expect(retryOutboxEmail('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await retryOutboxEmail(outboxId);
    let [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
    expect(row).toMatchObject({ status: 'queued', attempts: 2, maxAttempts: 3 });
    [letter] = await db.select().from(letters).where(eq(letters.id, letterId));
    expect(letter).toMatchObject({ status: 'queued', failureReason: null });
    const again = await retryOutboxEmail(outboxId).catch((e) => e);
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).code).toBe('CONFLICT');

    // The retried letter, and the note to its writer queued when it failed.
    expect((await drainOutbox({ transport: createLocalTransport() })).sent).toBe(2);
    [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    [letter] = await db.select().from(letters).where(eq(letters.id, letterId));
    expect(letter.status).toBe('sent');
  });
});
