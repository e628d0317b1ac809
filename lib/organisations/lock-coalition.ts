import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { organisations, type Organisation } from '@/db/schema';
import { AppError } from '@/lib/errors';

const STALE = 'Someone else saved the coalition’s settings after you opened them. Reload the page and try again.';

/**
 * The coalition's row (the host organisation), locked for the rest of the transaction; a save based
 * on an older version than the form's `expectedUpdatedAt` is refused (optimistic concurrency,
 * compared in milliseconds as the form round-trips it). Every form of the coalition's settings
 * shares the one version stamp.
 */
export async function lockCoalition(tx: Tx, expectedUpdatedAt: Date): Promise<Organisation> {
  const [before] = await tx.select().from(organisations).where(eq(organisations.kind, 'host')).limit(1).for('update');
  if (!before) throw new AppError('NOT_FOUND', 'The coalition has not been set up yet.');
  if (before.updatedAt.getTime() !== expectedUpdatedAt.getTime()) throw new AppError('CONFLICT', STALE);
  return before;
}
