import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type DbOrTx } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { outboxHookFor } from './hooks';

/**
 * Put a failed email back in the queue, due now. Attempts are kept (the history is real); when they
 * are exhausted the row gets one more. Pass the staff action's transaction to audit it atomically.
 */
export async function retryOutboxEmail(id: string, opts: { db?: DbOrTx } = {}): Promise<void> {
  if (!z.uuid().safeParse(id).success) throw new AppError('NOT_FOUND', 'Email not found.');
  const db = opts.db ?? getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(emailOutbox)
      .set({
        status: 'queued',
        nextAttemptAt: sql`now()`,
        lockedUntil: null,
        maxAttempts: sql`greatest(${emailOutbox.maxAttempts}, ${emailOutbox.attempts} + 1)`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'failed')))
      .returning();
    if (!row) {
      const [existing] = await tx.select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.id, id));
      if (!existing) throw new AppError('NOT_FOUND', 'Email not found.');
      throw new AppError('CONFLICT', `Only failed emails can be retried (this one is ${existing.status}).`);
    }
    await outboxHookFor(row.template)?.onRequeued?.(tx, row);
  });
}
