import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { retryOutboxEmail } from '@/lib/email/retry';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { FORGOTTEN_ADDRESS } from '@/lib/people/schemas';
import { RetryOutboxMessageInput } from './monitor-schemas';

/** Re-queue a failed email (and its letter, if it carries one); audited `outbox.retry`. */
export async function retryOutboxMessage({
  actor,
  input,
}: {
  actor: StaffActor;
  input: RetryOutboxMessageInput;
}): Promise<{ outboxId: string }> {
  assertCan(actor, 'outbox:view');
  const parsed = RetryOutboxMessageInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { outboxId } = parsed.data;

  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ template: emailOutbox.template, toAddress: emailOutbox.toAddress, props: emailOutbox.props })
      .from(emailOutbox)
      .where(eq(emailOutbox.id, outboxId))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND', 'Email not found.');
    // Forgetting a person empties their messages; there is nothing left to send.
    if (row.toAddress === FORGOTTEN_ADDRESS || Object.keys(row.props ?? {}).length === 0) {
      throw new AppError('CONFLICT', 'This email belongs to a forgotten supporter and cannot be sent.');
    }
    await retryOutboxEmail(outboxId, { db: tx });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'outbox.retry',
      entityType: 'email_outbox',
      entityId: outboxId,
      data: { template: row.template },
    });
    return { outboxId };
  });
}
