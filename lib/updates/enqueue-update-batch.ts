import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { campaignUpdates, campaigns, organisations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { enqueueEmails } from '@/lib/email/enqueue';
import { secretLink } from '@/lib/email/secret-links';
import { env } from '@/lib/env';
import { createActionTokens } from '@/lib/security/tokens';
import { audienceReason, listAudiencePage } from './audience';

const UNSUBSCRIBE_TTL_HOURS = 2 * 365 * 24;

export type BatchOptions = {
  batchSize?: number;
  ratePerSecond?: number;
  /** Tests: throw after queuing this many rows of the batch (the batch's transaction rolls back). */
  crashAfterRows?: number;
};

export type BatchResult = { status: 'sending' | 'sent' | 'cancelled' | 'idle'; enqueued: number };

/** The key of one recipient's row: unique, so any batch run twice queues nothing twice. */
export const updateRowKey = (updateId: string, supporterId: string) => `update:${updateId}:${supporterId}`;
export const updateKeyPrefix = (updateId: string) => `update:${updateId}:`;

/**
 * Enqueue the next batch of one update, in one transaction: lock the update row (so two senders take
 * turns, never the same batch), read the next page of the audience after the cursor, queue one row per
 * recipient (own unsubscribe link, the reason they get it, paced to the send rate) with one INSERT
 * per thousand rather than a round trip each, then move the cursor. A crash anywhere rolls back the
 * whole batch, cursor included; the idempotency keys make even a repeated batch harmless. Cancelled
 * or finished updates do nothing.
 */
export async function enqueueUpdateBatch(updateId: string, opts: BatchOptions = {}, db: Db = getDb()): Promise<BatchResult> {
  const batchSize = opts.batchSize ?? env().UPDATE_BATCH_SIZE;
  const rate = opts.ratePerSecond ?? env().UPDATE_SEND_RATE_PER_SECOND;
  return db.transaction(async (tx) => {
    const [u] = await tx
      .select({ update: campaignUpdates, campaignTitle: campaigns.title, coalitionName: organisations.name })
      .from(campaignUpdates)
      .innerJoin(campaigns, eq(campaigns.id, campaignUpdates.campaignId))
      .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
      .where(eq(campaignUpdates.id, updateId))
      .for('update', { of: campaignUpdates });
    if (!u || u.update.status !== 'sending') return { status: u?.update.status === 'cancelled' ? 'cancelled' : 'idle', enqueued: 0 } as BatchResult;
    const page = await listAudiencePage(tx, u.update.campaignId, u.update.cursor, batchSize);
    if (page.length === 0) {
      await tx.update(campaignUpdates).set({ status: 'sent', finishedAt: sql`now()` }).where(eq(campaignUpdates.id, updateId));
      await recordAudit(tx, { actor: null, action: 'update.sent', entityType: 'campaign_update', entityId: updateId, data: { enqueued: u.update.enqueuedCount } });
      return { status: 'sent', enqueued: 0 };
    }
    const reason = audienceReason(u.campaignTitle, u.coalitionName);
    // Paced from the start of the send, after whatever this update already queued: the drainer then
    // sends them at about `rate` a second, leaving room for other mail. (After a long pause the
    // remaining rows are simply due at once.)
    const spacingMs = 1000 / rate;
    const start = (u.update.startedAt ?? new Date()).getTime();
    const rows = opts.crashAfterRows === undefined ? page : page.slice(0, opts.crashAfterRows);
    const tokens = await createActionTokens(
      tx,
      rows.map((r) => ({ purpose: 'unsubscribe' as const, supporterId: r.supporterId, campaignId: null, ttlHours: UNSUBSCRIBE_TTL_HOURS })),
    );
    const ids = await enqueueEmails(
      tx,
      rows.map((r, i) => ({
        template: 'campaign-update' as const,
        to: r.email,
        props: {
          firstName: r.firstName.length <= 100 ? r.firstName : '',
          subject: u.update.subject,
          bodyText: u.update.bodyMd,
          coalitionName: u.coalitionName,
          reason,
          unsubscribeUrl: secretLink('/unsubscribe/{token}', tokens[i]),
        },
        idempotencyKey: updateRowKey(updateId, r.supporterId),
        notBefore: new Date(start + (u.update.enqueuedCount + i) * spacingMs),
      })),
    );
    // The rows are written; dying now still rolls the batch back with its cursor.
    if (opts.crashAfterRows !== undefined && opts.crashAfterRows < page.length) throw new Error('simulated crash mid-batch');
    const queued = ids.filter(Boolean).length;
    await tx
      .update(campaignUpdates)
      .set({ cursor: page[page.length - 1].supporterId, enqueuedCount: sql`${campaignUpdates.enqueuedCount} + ${queued}` })
      .where(eq(campaignUpdates.id, updateId));
    return { status: 'sending', enqueued: queued };
  });
}

/**
 * The drain loop's producer: start scheduled updates whose time has come, then enqueue batches of
 * every sending update (at most `maxBatches` per run, so one huge update does not hold the loop).
 */
export async function runDueUpdates(opts: BatchOptions & { maxBatches?: number } = {}, db: Db = getDb()): Promise<void> {
  await db
    .update(campaignUpdates)
    .set({ status: 'sending', startedAt: sql`coalesce(${campaignUpdates.startedAt}, now())` })
    .where(and(eq(campaignUpdates.status, 'scheduled'), lte(campaignUpdates.scheduledAt, sql`now()`)));
  const sending = await db.select({ id: campaignUpdates.id }).from(campaignUpdates).where(inArray(campaignUpdates.status, ['sending']));
  let budget = opts.maxBatches ?? 20;
  for (const { id } of sending) {
    while (budget-- > 0) {
      const r = await enqueueUpdateBatch(id, opts, db);
      if (r.status !== 'sending') break;
    }
  }
}
