// Updates to a campaign's opted-in supporters: one outbox row per recipient, enqueued in batches that
// survive a crash (exactly once each, even with two senders), cancellable, audited, with one-click
// unsubscribe and the reason on every message.
import { and, count, countDistinct, eq, like, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog, campaignUpdates, emailOutbox, signatures, supporters } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { drainOutbox } from '@/lib/email/drain';
import { renderEmail } from '@/lib/email/render';
import { createLocalTransport } from '@/lib/email/transports';
import { countAudience } from '@/lib/updates/audience';
import { createUpdate } from '@/lib/updates/create-update';
import { enqueueUpdateBatch, runDueUpdates, updateKeyPrefix } from '@/lib/updates/enqueue-update-batch';
import { listCampaignUpdates } from '@/lib/updates/list-updates';
import { sendTestUpdate } from '@/lib/updates/send-test-update';
import { cancelUpdate, sendUpdate } from '@/lib/updates/send-update';
import { liveProps } from '../support/mail-links';
import { rejection } from '../support/rejection';
import { getTestDb } from '../support/test-db';
import { makeStaff } from './staff-fixtures';

let campaignId: string;
beforeEach(async () => {
  const { db } = await getTestDb();
  campaignId = (await seedDatabase(db, { adminEmail: 'owner@test.example' })).campaignId;
});

/** `n` verified, opted-in signers (emails fan-<i>@example.org), plus people who must not get it. */
async function audienceOf(n: number) {
  const { db } = await getTestDb();
  await db.execute(sql`
    with s as (
      insert into supporters (email, first_name, email_verified_at)
      select 'fan-' || i || '@example.org', 'Fan' || i, now() from generate_series(1, ${n}) i
      returning id)
    insert into signatures (campaign_id, supporter_id, opted_in, verified_at)
    select ${campaignId}, id, true, now() from s`);
  const others = await db
    .insert(supporters)
    .values([
      { email: 'no-optin@example.org' },
      { email: 'unverified@example.org' },
      { email: 'left@example.org', unsubscribedAt: new Date() },
      { email: 'withdrew@example.org' },
    ])
    .returning({ id: supporters.id });
  await db.insert(signatures).values([
    { campaignId, supporterId: others[0].id, optedIn: false, verifiedAt: new Date() },
    { campaignId, supporterId: others[1].id, optedIn: true },
    { campaignId, supporterId: others[2].id, optedIn: true, verifiedAt: new Date() },
    { campaignId, supporterId: others[3].id, optedIn: true, verifiedAt: new Date() },
  ]);
  // Opting in is a consent row for the campaign's organisation (the sender); one was withdrawn since.
  await db.execute(sql`
    insert into consents (supporter_id, organisation_id, campaign_id, wording, withdrawn_at)
    select s.supporter_id, c.organisation_id, s.campaign_id, 'Send me updates',
           case when s.supporter_id = ${others[3].id} then now() end
    from signatures s join campaigns c on c.id = s.campaign_id where s.opted_in`);
}

async function draft() {
  const editor = await makeStaff('editor');
  const { id } = await createUpdate({ actor: editor, input: { campaignId, subject: 'Hearing scheduled', bodyMd: 'The **committee** meets on [Tuesday](https://example.org/hearing).' } });
  return { editor, id };
}

const rowsOf = async (updateId: string) =>
  (await (await getTestDb()).db
    .select({ n: count(), people: countDistinct(emailOutbox.toAddress) })
    .from(emailOutbox)
    .where(like(emailOutbox.idempotencyKey, `${updateKeyPrefix(updateId)}%`)))[0];

describe('sending an update', () => {
  it('to 10,000 opted-in supporters enqueues exactly 10,000 rows, once, even if the sender crashes half-way', { timeout: 600_000 }, async () => {
    await audienceOf(10_000);
    const { db } = await getTestDb();
    expect(await countAudience(db, campaignId)).toBe(10_000);
    const { editor, id } = await draft();
    expect(await sendUpdate({ actor: editor, input: { updateId: id } })).toMatchObject({ status: 'sending', audience: 10_000 });

    for (let i = 0; i < 4; i++) await enqueueUpdateBatch(id, { batchSize: 1250 });
    expect(await rowsOf(id)).toEqual({ n: 5000, people: 5000 });
    // The sender dies in the middle of a batch: the batch's rows and its cursor roll back together.
    await expect(enqueueUpdateBatch(id, { batchSize: 1250, crashAfterRows: 600 })).rejects.toThrow('simulated crash');
    expect(await rowsOf(id)).toEqual({ n: 5000, people: 5000 });
    // Even a sender that lost its cursor (rewound to the start) queues nothing twice.
    await db.update(campaignUpdates).set({ cursor: null }).where(eq(campaignUpdates.id, id));

    // Two senders resume at once (two app instances draining); they take turns on the update's row.
    await Promise.all([runDueUpdates({ batchSize: 1250, maxBatches: 50 }), runDueUpdates({ batchSize: 1250, maxBatches: 50 })]);
    expect(await rowsOf(id)).toEqual({ n: 10_000, people: 10_000 });
    const [u] = await db.select().from(campaignUpdates).where(eq(campaignUpdates.id, id));
    expect(u.status).toBe('sent');
    await runDueUpdates({ batchSize: 1250 });
    expect((await rowsOf(id)).n).toBe(10_000);
    expect(await db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id))).toEqual(
      expect.arrayContaining([{ a: 'update.create' }, { a: 'update.send' }, { a: 'update.sent' }]),
    );
    const others = await db.select().from(emailOutbox).where(sql`${emailOutbox.toAddress} in ('no-optin@example.org', 'unverified@example.org', 'left@example.org')`);
    expect(others).toEqual([]);
  });

  it('each message carries its own one-click unsubscribe link, the reason, and the Markdown rendered; rows are paced', async () => {
    await audienceOf(3);
    const { editor, id } = await draft();
    await sendUpdate({ actor: editor, input: { updateId: id } });
    await runDueUpdates({ batchSize: 2, ratePerSecond: 1 });
    const { db } = await getTestDb();
    const rows = await db.select().from(emailOutbox).where(like(emailOutbox.idempotencyKey, `${updateKeyPrefix(id)}%`)).orderBy(emailOutbox.nextAttemptAt);
    expect(rows).toHaveLength(3);
    expect(rows[2].nextAttemptAt.getTime() - rows[0].nextAttemptAt.getTime()).toBeGreaterThanOrEqual(1900);
    const links = await Promise.all(rows.map(async (r) => (await liveProps(r)).unsubscribeUrl));
    expect(new Set(links).size).toBe(3);
    const rendered = await renderEmail('campaign-update', await liveProps(rows[0]));
    expect(rendered.headers['List-Unsubscribe']).toMatch(/\/api\/unsubscribe\//);
    expect(rendered.html).toContain('<strong>committee</strong>');
    expect(rendered.html).toContain('href="https://example.org/hearing"');
    expect(rendered.text).toContain('You are receiving this because you signed');

    const progress = await listCampaignUpdates({ actor: editor, campaignId });
    expect(progress.audience).toBe(3);
    expect(progress.updates[0]).toMatchObject({ status: 'sent', enqueuedCount: 3, progress: { queued: 3, sent: 0, failed: 0 } });
  });

  it('can be cancelled: no further batches, unsent rows withdrawn, audited', async () => {
    await audienceOf(5);
    const { editor, id } = await draft();
    await sendUpdate({ actor: editor, input: { updateId: id } });
    await enqueueUpdateBatch(id, { batchSize: 2 });
    await drainOutbox({ transport: createLocalTransport(), limit: 1 });
    expect(await cancelUpdate({ actor: editor, input: { updateId: id } })).toEqual({ updateId: id, withdrawn: 1 });
    expect(await enqueueUpdateBatch(id, { batchSize: 2 })).toEqual({ status: 'cancelled', enqueued: 0 });
    const { db } = await getTestDb();
    const rows = await db.select().from(emailOutbox).where(like(emailOutbox.idempotencyKey, `${updateKeyPrefix(id)}%`));
    expect(rows.map((r) => r.status).sort()).toEqual(['failed', 'sent']);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'update.cancel')))).toHaveLength(1);
  });

  it('can be scheduled; a test goes to the staff member only; people without updates:send are refused', async () => {
    await audienceOf(2);
    const { editor, id } = await draft();
    expect(await sendTestUpdate({ actor: editor, input: { updateId: id } })).toEqual({ to: editor.email });
    const { db } = await getTestDb();
    const mine = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, editor.email!));
    expect(mine.map((m) => m.template)).toEqual(['staff-update-test']);

    const at = new Date(Date.now() + 3600_000);
    expect(await sendUpdate({ actor: editor, input: { updateId: id, scheduledAt: at.toISOString() } })).toMatchObject({ status: 'scheduled' });
    await runDueUpdates();
    expect((await rowsOf(id)).n).toBe(0);
    await db.update(campaignUpdates).set({ scheduledAt: new Date(Date.now() - 1000) }).where(eq(campaignUpdates.id, id));
    await runDueUpdates();
    expect((await rowsOf(id)).n).toBe(2);

    const analyst = await makeStaff('analyst');
    expect((await rejection(createUpdate({ actor: analyst, input: { campaignId, subject: 'Hi there', bodyMd: 'x' } }))).code).toBe('FORBIDDEN');
    expect((await rejection(sendUpdate({ actor: analyst, input: { updateId: id } }))).code).toBe('FORBIDDEN');
  });
});
