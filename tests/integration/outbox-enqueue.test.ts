import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { enqueueEmail, enqueueEmails } from '@/lib/email/enqueue';
import { secretLink } from '@/lib/email/secret-links';
import { AppError } from '@/lib/errors';
import { getTestDb } from '../support/test-db';

const props = {
  firstName: 'Maya',
  campaignTitle: 'Ratify the CRC',
  confirmUrl: secretLink('/confirm/signature/{token}', 'c'.repeat(43)),
  unsubscribeUrl: secretLink('/unsubscribe/{token}', 'u'.repeat(43)),
  coalitionName: 'Child Rights Coalition',
};

class Rollback extends Error {}

describe('enqueueEmail', () => {
  it('writes nothing when the caller’s transaction rolls back', async () => {
    const { db } = await getTestDb();
    let id: string | null = null;
    await expect(
      db.transaction(async (tx) => {
        id = await enqueueEmail(tx, { template: 'signature-confirmation', to: 'maya@example.org', props, idempotencyKey: 'sig:rollback' });
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db.select().from(emailOutbox)).toHaveLength(0);
  });

  it('commits with the transaction, queued and due now', async () => {
    const { db } = await getTestDb();
    const id = await db.transaction((tx) =>
      enqueueEmail(tx, { template: 'signature-confirmation', to: 'maya@example.org', props, idempotencyKey: 'sig:commit' }),
    );
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id!));
    expect(row).toMatchObject({ status: 'queued', attempts: 0, maxAttempts: 8, toAddress: 'maya@example.org', template: 'signature-confirmation' });
    // Secret links are stored as their path and a sealed token, never the token itself.
    expect(row.props).toEqual({
      ...props,
      confirmUrl: { path: '/confirm/signature/{token}', sealed: expect.stringMatching(/^v1\./) },
      unsubscribeUrl: { path: '/unsubscribe/{token}', sealed: expect.stringMatching(/^v1\./) },
    });
    expect(JSON.stringify(row.props)).not.toMatch(/ccccc|uuuuu/);
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 5_000);
  });

  it('queues one row for the same idempotency key, returning null the second time', async () => {
    const { db } = await getTestDb();
    const msg = { template: 'signature-confirmation' as const, to: 'maya@example.org', props, idempotencyKey: 'sig:twice' };
    const first = await enqueueEmail(db, msg);
    const second = await enqueueEmail(db, { ...msg, props: { ...props, firstName: 'Changed' } });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    const rows = await db.select().from(emailOutbox);
    expect(rows).toHaveLength(1);
    expect(rows[0].props.firstName).toBe('Maya');
  });

  it('rejects invalid props, addresses and header injection, writing nothing', async () => {
    const { db } = await getTestDb();
    const attempts = [
      { to: 'not-an-email', props },
      { to: 'maya@example.org\r\nBcc: victim@example.org', props },
      // A secret link field given a plain URL: its token would be stored in the clear.
      { to: 'maya@example.org', props: { ...props, confirmUrl: 'http://localhost:3000/confirm/abc' as never } },
      { to: 'maya@example.org', props: { ...props, campaignTitle: 'Hello\r\nBcc: victim@example.org' } },
      { to: 'maya@example.org', props: { ...props, unsubscribeUrl: secretLink('/u\r\nX-Evil: 1/{token}', 'u'.repeat(43)) } },
    ];
    for (const [i, a] of attempts.entries()) {
      const err = await enqueueEmail(db, { template: 'signature-confirmation', idempotencyKey: `bad:${i}`, ...a }).catch((e) => e);
      expect(err, JSON.stringify(a.to)).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('VALIDATION');
    }
    const letter = await enqueueEmail(db, {
      template: 'letter-to-senator',
      to: 'office@senator.example.gov',
      idempotencyKey: 'letter:crlf',
      props: {
        subject: 'Ratify\nBcc: victim@example.org',
        body: 'Dear Senator',
        supporterName: 'Maya Lopez',
        supporterEmail: 'maya@example.org',
        supporterState: 'CA',
        senatorName: 'Sen. Padilla',
        campaignTitle: 'Ratify the CRC',
        coalitionName: 'Child Rights Coalition',
      },
    }).catch((e) => e);
    expect((letter as AppError).fieldErrors?.subject).toBeDefined();
    const badKey = await enqueueEmail(db, { template: 'signature-confirmation', to: 'maya@example.org', props, idempotencyKey: 'a\r\nb' }).catch((e) => e);
    expect((badKey as AppError).code).toBe('VALIDATION');
    expect(await db.select().from(emailOutbox)).toHaveLength(0);
  });

  it('queues a bulk batch in order, once per key, and writes nothing when one message is bad', async () => {
    const { db } = await getTestDb();
    await enqueueEmail(db, { template: 'signature-confirmation', to: 'first@example.org', props, idempotencyKey: 'bulk:1' });
    const msg = (n: number, to = `p${n}@example.org`) => ({ template: 'signature-confirmation' as const, to, props, idempotencyKey: `bulk:${n}` });
    const ids = await enqueueEmails(db, [msg(1), msg(2), msg(3), msg(2)]);
    expect(ids[0]).toBeNull();
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[2]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[3]).toBeNull();
    expect((await db.select().from(emailOutbox)).map((r) => r.toAddress).sort()).toEqual(['first@example.org', 'p2@example.org', 'p3@example.org']);
    await expect(enqueueEmails(db, [msg(4), msg(5, 'not an address')])).rejects.toBeInstanceOf(AppError);
    expect(await db.select().from(emailOutbox)).toHaveLength(3);
  });
});
