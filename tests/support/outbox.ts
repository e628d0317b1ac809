import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { emailOutbox } from '@/db/schema';

/**
 * The integration tests' mailbox: outbox rows to `to` (of `template`, when given), whatever their
 * status. Mail is queued in the same transaction as the action that causes it, so it is there as
 * soon as the service returns. (E2E tests read the dev mailbox instead: tests/e2e/support/mailbox.ts.)
 */
export async function outboxFor(to: string, template?: string) {
  return getDb()
    .select()
    .from(emailOutbox)
    .where(template ? and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, template)) : eq(emailOutbox.toAddress, to));
}
