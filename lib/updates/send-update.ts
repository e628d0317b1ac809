import 'server-only';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaignUpdates, emailOutbox } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { AppError, validationError } from '@/lib/errors';
import { countAudience } from './audience';
import { updateKeyPrefix } from './enqueue-update-batch';
import { SendUpdateInput, UpdateIdInput } from './schemas';

/**
 * Start sending a draft update now, or schedule it. The rows are enqueued in batches by the drain
 * loop's producer (runDueUpdates), so this returns at once. Audited `update.send` / `update.schedule`
 * with the audience count at that moment.
 */
export async function sendUpdate({ actor, input }: { actor: StaffActor; input: SendUpdateInput }) {
  assertCan(actor, 'updates:send');
  const parsed = SendUpdateInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { updateId, scheduledAt } = parsed.data;
  const later = scheduledAt && scheduledAt.getTime() > Date.now() + 30_000 ? scheduledAt : null;
  return getDb().transaction(async (tx) => {
    const [u] = await tx.select().from(campaignUpdates).where(eq(campaignUpdates.id, updateId)).for('update');
    if (!u) throw new AppError('NOT_FOUND', 'No such update.');
    if (u.status !== 'draft') throw new AppError('CONFLICT', 'This update has already been sent or scheduled.');
    const audience = await countAudience(tx, u.campaignId);
    await tx
      .update(campaignUpdates)
      .set(later ? { status: 'scheduled', scheduledAt: later, audienceCount: audience } : { status: 'sending', startedAt: sql`now()`, audienceCount: audience })
      .where(eq(campaignUpdates.id, updateId));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: later ? 'update.schedule' : 'update.send',
      entityType: 'campaign_update',
      entityId: updateId,
      data: { campaignId: u.campaignId, audience, ...(later ? { scheduledAt: later.toISOString() } : {}) },
    });
    return { updateId, status: later ? ('scheduled' as const) : ('sending' as const), audience, scheduledAt: later };
  });
}

/**
 * Stop an update: no further batches, and rows not yet sent are withdrawn (failed with a reason).
 * Rows already sent stay sent. Audited `update.cancel` with how many were withdrawn.
 */
export async function cancelUpdate({ actor, input }: { actor: StaffActor; input: UpdateIdInput }) {
  assertCan(actor, 'updates:send');
  const parsed = UpdateIdInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { updateId } = parsed.data;
  return getDb().transaction(async (tx) => {
    // The same row lock the batch sender takes: a batch in flight finishes first, then sees 'cancelled'.
    const [u] = await tx.select().from(campaignUpdates).where(eq(campaignUpdates.id, updateId)).for('update');
    if (!u) throw new AppError('NOT_FOUND', 'No such update.');
    if (!['scheduled', 'sending'].includes(u.status)) throw new AppError('CONFLICT', 'Only a scheduled or sending update can be cancelled.');
    await tx.update(campaignUpdates).set({ status: 'cancelled', cancelledAt: sql`now()` }).where(eq(campaignUpdates.id, updateId));
    const withdrawn = await tx
      .update(emailOutbox)
      .set({ status: 'failed', lastError: 'Update cancelled by staff', updatedAt: sql`now()` })
      .where(and(like(emailOutbox.idempotencyKey, `${updateKeyPrefix(updateId)}%`), inArray(emailOutbox.status, ['queued'])))
      .returning({ id: emailOutbox.id });
    await recordAudit(tx, { actor: auditActor(actor), action: 'update.cancel', entityType: 'campaign_update', entityId: updateId, data: { withdrawn: withdrawn.length } });
    return { updateId, withdrawn: withdrawn.length };
  });
}
