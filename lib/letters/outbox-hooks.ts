import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { letters } from '@/db/schema';
import { registerOutboxHook } from '@/lib/email/hooks';
import { notifyLetterFailed, tellStaffOfficeBounced } from './notify-letter-failed';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The letter an outbox row delivers (letter-to-senator rows carry `letterId` in their props). */
export function letterIdOf(props: unknown): string | null {
  const id = (props as { letterId?: unknown } | null)?.letterId;
  return typeof id === 'string' && UUID.test(id) ? id : null;
}

export async function markLetterSent(tx: DbOrTx, letterId: string) {
  await tx
    .update(letters)
    .set({ status: 'sent', sentAt: sql`now()`, failureReason: null, updatedAt: sql`now()` })
    .where(and(eq(letters.id, letterId), eq(letters.status, 'queued')));
}

/** The office's system has it: CWC accepted it, or the mail provider reported it delivered. */
export async function markLetterDelivered(tx: DbOrTx, letterId: string) {
  await tx
    .update(letters)
    .set({ deliveredAt: sql`coalesce(${letters.deliveredAt}, now())`, updatedAt: sql`now()` })
    .where(and(eq(letters.id, letterId), eq(letters.status, 'sent')));
}

/** True when this call moved the letter to failed (so its writer is told once). */
export async function markLetterFailed(tx: DbOrTx, letterId: string, reason: string): Promise<boolean> {
  const moved = await tx
    .update(letters)
    .set({ status: 'failed', failureReason: reason.slice(0, 500), updatedAt: sql`now()` })
    .where(and(eq(letters.id, letterId), eq(letters.status, 'queued')))
    .returning({ id: letters.id });
  return moved.length > 0;
}

/** A staff retry puts the letter back in the queue so the eventual send marks it sent. */
export async function requeueLetter(tx: DbOrTx, letterId: string) {
  await tx
    .update(letters)
    .set({ status: 'queued', failureReason: null, updatedAt: sql`now()` })
    .where(and(eq(letters.id, letterId), eq(letters.status, 'failed')));
}

/** The letters ledger follows the outbox rows that carry letters to Senate offices. */
export function registerLetterOutboxHooks(): void {
  registerOutboxHook('letter-to-senator', {
    onSent: async (tx, row) => {
      const id = letterIdOf(row.props);
      if (id) await markLetterSent(tx, id);
    },
    onFailed: async (tx, row, reason) => {
      const id = letterIdOf(row.props);
      // The writer hears that their letter did not arrive, with links to send it themselves.
      if (id && (await markLetterFailed(tx, id, reason))) await notifyLetterFailed(tx, id);
    },
    onRequeued: async (tx, row) => {
      const id = letterIdOf(row.props);
      if (id) await requeueLetter(tx, id);
    },
    onEvent: async (tx, row, event) => {
      const id = letterIdOf(row.props);
      if (!id) return;
      if (event.type === 'delivered') await markLetterDelivered(tx, id);
      if (event.type === 'bounced' && event.hardBounce) {
        // Accepted by the provider, then refused by the office's server: the letter did not arrive.
        const moved = await tx
          .update(letters)
          .set({ status: 'failed', failureReason: `The office address bounced${event.detail ? ` (${event.detail})` : ''}`.slice(0, 500), updatedAt: sql`now()` })
          .where(and(eq(letters.id, id), inArray(letters.status, ['queued', 'sent'])))
          .returning({ id: letters.id });
        if (moved.length) {
          await notifyLetterFailed(tx, id);
          await tellStaffOfficeBounced(tx, id, row.toAddress, event.detail);
        }
      }
    },
  });
}
