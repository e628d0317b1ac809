import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { emailSuppressions } from '@/db/schema';
import type { SuppressionReason } from '@/db/schema/enum-values';
import { hasWithdrawnConsent } from './hooks';

const norm = (address: string) => address.trim().toLowerCase();

/**
 * Why a message must not go to this address, or null. Campaign mail (a template marked `marketing`)
 * is held back for any suppression (hard bounce or complaint) and for anyone who unsubscribed;
 * mail the person just asked for (a confirmation link, a receipt) still goes unless the address
 * hard-bounced — nothing can reach it, and sending again hurts the sender's reputation.
 */
export async function blockedReason(db: DbOrTx, address: string, campaignMail: boolean): Promise<string | null> {
  const [s] = await db.select({ reason: emailSuppressions.reason }).from(emailSuppressions).where(eq(emailSuppressions.address, norm(address)));
  if (s?.reason === 'hard_bounce') return 'Not sent: this address bounced permanently (suppressed)';
  if (!campaignMail) return null;
  if (s?.reason === 'complaint') return 'Not sent: the recipient marked our mail as spam (suppressed)';
  if (await hasWithdrawnConsent(db, address)) return 'Not sent: the recipient unsubscribed';
  return null;
}

/** Put an address on the suppression list; a hard bounce outranks a complaint, never the reverse. */
export async function suppressAddress(db: DbOrTx, address: string, reason: SuppressionReason, eventId: string | null): Promise<void> {
  await db
    .insert(emailSuppressions)
    .values({ address: norm(address), reason, eventId })
    .onConflictDoUpdate({
      target: emailSuppressions.address,
      set: { reason: sql`excluded.reason`, eventId: sql`excluded.event_id` },
      setWhere: sql`excluded.reason = 'hard_bounce' and ${emailSuppressions.reason} <> 'hard_bounce'`,
    });
}
