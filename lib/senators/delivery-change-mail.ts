import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { organisations, users } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/enqueue';
import { env } from '@/lib/env';

export type DeliveryChange = {
  senator: { id: string; name: string; state: string };
  oldAddress: string | null;
  newAddress: string | null;
  changedBy: string;
};

/**
 * Tell every active owner, in the caller's transaction, that letters to a senator's office now go
 * elsewhere: a wrong (or malicious) address would receive supporters' names and street addresses, so
 * the people accountable for the coalition hear of it even when someone else made the change.
 */
export async function enqueueDeliveryChangeMail(tx: DbOrTx, change: DeliveryChange): Promise<number> {
  const owners = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'owner'), isNull(users.revokedAt)));
  const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.kind, 'host')).limit(1);
  const changeId = randomUUID();
  const senatorsUrl = new URL('/dashboard/senators', env().APP_URL);
  senatorsUrl.searchParams.set('state', change.senator.state);
  for (const owner of owners) {
    if (!owner.email) continue;
    await enqueueEmail(tx, {
      template: 'senator-delivery-changed',
      to: owner.email,
      props: {
        senatorName: change.senator.name,
        state: change.senator.state,
        oldAddress: change.oldAddress,
        newAddress: change.newAddress,
        changedBy: change.changedBy,
        changedAt: new Date().toISOString(),
        senatorsUrl: senatorsUrl.href,
        coalitionName: org?.name ?? 'Ratify',
      },
      idempotencyKey: `senator-delivery:${changeId}:${owner.id}`,
    });
  }
  return owners.length;
}
