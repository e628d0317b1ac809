import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { letters, supporters } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { retryOutboxEmail } from '@/lib/email/retry';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { RetryLetterInput } from './ledger-schemas';

/**
 * Put a failed letter back in the queue: its outbox row goes failed → queued and the letter
 * failed → queued (retryOutboxEmail does both), audited `letter.retry`, in one transaction.
 * The caller kicks the drainer after commit.
 */
export async function retryLetter({ actor, input }: { actor: StaffActor; input: RetryLetterInput }): Promise<{ letterId: string }> {
  assertCan(actor, 'letters:retry');
  const parsed = RetryLetterInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { letterId } = parsed.data;

  return getDb().transaction(async (tx) => {
    const [letter] = await tx
      .select({
        status: letters.status,
        outboxId: letters.outboxId,
        campaignId: letters.campaignId,
        senatorId: letters.senatorId,
        forgottenAt: supporters.forgottenAt,
      })
      .from(letters)
      .innerJoin(supporters, eq(supporters.id, letters.supporterId))
      .where(eq(letters.id, letterId))
      .for('update', { of: letters });
    if (!letter) throw new AppError('NOT_FOUND', 'No such letter.');
    if (letter.status !== 'failed') throw new AppError('CONFLICT', `Only failed letters can be retried (this one is ${letter.status}).`);
    // A forgotten supporter's letter has lost its text: sending it now would be wrong and would fail.
    if (letter.forgottenAt) throw new AppError('CONFLICT', 'The writer of this letter asked to be forgotten.');
    if (!letter.outboxId) {
      throw new AppError('CONFLICT', 'This letter was never queued for email, so there is nothing to retry.');
    }
    await retryOutboxEmail(letter.outboxId, { db: tx });
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'letter.retry',
      entityType: 'letter',
      entityId: letterId,
      data: { campaignId: letter.campaignId, senatorId: letter.senatorId, outboxId: letter.outboxId },
    });
    return { letterId };
  });
}
