import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, emailOutbox, letters } from '@/db/schema';
import { getOutboxSummary } from '@/lib/email/get-outbox-summary';
import { maskEmail } from '@/lib/email/mask-email';
import { retryOutboxMessage } from '@/lib/email/retry-outbox-message';
import { forgetPerson } from '@/lib/people/forget-person';
import { letter, outboxTo, seedWorld, senatorsOf, signer } from './people-fixtures';
import { makeStaff } from './staff-fixtures';

describe('outbox monitor', () => {
  it('masks recipients', () => {
    expect(maskEmail('jane@example.org')).toBe('j***@example.org');
    expect(maskEmail('forgotten')).toBe('forgotten');
  });

  it('counts by status and lists recent failures with masked recipients', async () => {
    await seedWorld();
    const admin = await makeStaff('admin');
    await outboxTo('a@example.org', 'signature-confirmation', 'sent');
    await outboxTo('b@example.org', 'signature-confirmation', 'queued');
    await outboxTo('jane@example.org', 'letter-receipt', 'failed', { lastError: '550 mailbox unavailable' });
    const summary = await getOutboxSummary({ actor: admin });
    expect(summary.counts).toEqual({ queued: 1, sending: 0, sent: 1, failed: 1 });
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0]).toMatchObject({ recipient: 'j***@example.org', lastError: '550 mailbox unavailable', template: 'letter-receipt' });
    expect(JSON.stringify(summary)).not.toContain('jane@');
    await expect(getOutboxSummary({ actor: await makeStaff('analyst') })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('retries a failed email (and its letter), audited outbox.retry', async () => {
    const w = await seedWorld();
    const admin = await makeStaff('admin');
    const ada = await signer({ firstName: 'Ada', lastName: 'L', email: 'ada@example.org', campaignId: w.campaignId });
    const [ca1] = await senatorsOf('CA');
    const failed = await letter({
      campaignId: w.campaignId, supporterId: ada.supporterId, senatorId: ca1.bioguideId, status: 'failed',
      failureReason: 'boom', withOutbox: { to: 'ca1@senate.test', status: 'failed', lastError: 'boom' },
    });
    await retryOutboxMessage({ actor: admin, input: { outboxId: failed.outboxId! } });
    const db = getDb();
    expect((await db.select().from(emailOutbox).where(eq(emailOutbox.id, failed.outboxId!)))[0].status).toBe('queued');
    expect((await db.select().from(letters).where(eq(letters.id, failed.letterId)))[0].status).toBe('queued');
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'outbox.retry'));
    expect(audit.map((a) => a.entityId)).toEqual([failed.outboxId]);
    await expect(retryOutboxMessage({ actor: admin, input: { outboxId: failed.outboxId! } })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(retryOutboxMessage({ actor: await makeStaff('analyst'), input: { outboxId: failed.outboxId! } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('will not resend mail of a forgotten supporter', async () => {
    const w = await seedWorld();
    const admin = await makeStaff('admin');
    const ada = await signer({ firstName: 'Ada', lastName: 'L', email: 'ada@example.org', campaignId: w.campaignId });
    const id = await outboxTo('ada@example.org', 'letter-receipt', 'failed');
    await forgetPerson({ actor: admin, input: { supporterId: ada.supporterId, confirmation: 'FORGET' } });
    await expect(retryOutboxMessage({ actor: admin, input: { outboxId: id } })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
