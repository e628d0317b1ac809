import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { maskEmail } from './mask-email';
import { OUTBOX_STATUSES, type OutboxStatus } from './monitor-schemas';

export type OutboxFailure = {
  id: string;
  template: string;
  /** Masked: staff watching delivery health need the domain, not the person. */
  recipient: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  failedAt: Date;
};

export type OutboxSummary = {
  counts: Record<OutboxStatus, number>;
  /** Queued rows whose next attempt is already due (a growing number means the drainer is stuck). */
  overdue: number;
  oldestQueuedAt: Date | null;
  failures: OutboxFailure[];
};

export const RECENT_FAILURES = 50;

export async function getOutboxSummary({ actor }: { actor: StaffActor }): Promise<OutboxSummary> {
  assertCan(actor, 'outbox:view');
  const db = getDb();
  const [countRows, [queue], failures] = await Promise.all([
    db.select({ status: emailOutbox.status, n: sql<number>`count(*)::int` }).from(emailOutbox).groupBy(emailOutbox.status),
    db
      .select({
        overdue: sql<number>`count(*) filter (where ${emailOutbox.nextAttemptAt} < now() - interval '1 minute')::int`,
        oldest: sql<Date | string | null>`min(${emailOutbox.createdAt})`,
      })
      .from(emailOutbox)
      .where(eq(emailOutbox.status, 'queued')),
    db
      .select({
        id: emailOutbox.id,
        template: emailOutbox.template,
        toAddress: emailOutbox.toAddress,
        attempts: emailOutbox.attempts,
        lastError: emailOutbox.lastError,
        createdAt: emailOutbox.createdAt,
        failedAt: emailOutbox.updatedAt,
      })
      .from(emailOutbox)
      .where(eq(emailOutbox.status, 'failed'))
      .orderBy(desc(emailOutbox.updatedAt), desc(emailOutbox.id))
      .limit(RECENT_FAILURES),
  ]);

  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const r of countRows) counts[r.status] = Number(r.n);
  return {
    counts,
    overdue: Number(queue?.overdue ?? 0),
    oldestQueuedAt: queue?.oldest ? new Date(queue.oldest) : null,
    failures: failures.map(({ toAddress, ...f }) => ({ ...f, recipient: maskEmail(toAddress) })),
  };
}
