import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { organisations, users } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/enqueue';
import { env } from '@/lib/env';
import type { RosterChanges } from './roster-diff';

// No `server-only`: the import runs under tsx (CLI, worker).

const cap = (a: string[]) => a.slice(0, 100);

/** Every active owner hears of a roster change, in the import's transaction (the outbox sends it). */
export async function enqueueRosterChangedMail(tx: DbOrTx, changes: RosterChanges): Promise<number> {
  const owners = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'owner'), isNull(users.revokedAt)));
  const [org] = await tx.select({ name: organisations.name }).from(organisations).orderBy(asc(organisations.createdAt)).limit(1);
  const changeId = randomUUID();
  for (const owner of owners) {
    if (!owner.email) continue;
    await enqueueEmail(tx, {
      template: 'roster-changed',
      to: owner.email,
      props: {
        joined: cap(changes.joined),
        left: cap(changes.left),
        party: cap(changes.party),
        committee: cap(changes.committee),
        contact: cap(changes.contact),
        senatorsUrl: new URL('/dashboard/senators', env().APP_URL).href,
        coalitionName: org?.name ?? 'Ratify',
      },
      idempotencyKey: `roster-changed:${changeId}:${owner.id}`,
    });
  }
  return owners.length;
}
