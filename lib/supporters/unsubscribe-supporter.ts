import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { signatures, supporters } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { consumeActionToken, peekActionToken } from '@/lib/security/tokens';

export type UnsubscribeResult = { alreadyUnsubscribed: boolean };

/**
 * Stop campaign updates for the supporter behind an unsubscribe link: unsubscribed_at is set,
 * every signature's opt-in is withdrawn, and every "confirmed writer" cookie issued so far is void. Idempotent and the token stays usable, because mail
 * clients may repeat the RFC 8058 one-click POST and a person may click the link twice.
 */
export async function unsubscribeSupporter({ input }: { input: { token: string } }): Promise<UnsubscribeResult> {
  return getDb().transaction(async (tx) => {
    const { supporterId } = await consumeActionToken(tx, input.token, 'unsubscribe', { singleUse: false });
    const [before] = await tx
      .select({ unsubscribedAt: supporters.unsubscribedAt })
      .from(supporters)
      .where(eq(supporters.id, supporterId))
      .for('update');
    await tx
      .update(supporters)
      .set({ unsubscribedAt: sql`coalesce(${supporters.unsubscribedAt}, now())`, writerTrustRevokedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(supporters.id, supporterId));
    await tx.update(signatures).set({ optedIn: false }).where(eq(signatures.supporterId, supporterId));
    const alreadyUnsubscribed = Boolean(before?.unsubscribedAt);
    if (!alreadyUnsubscribed) {
      await recordAudit(tx, { actor: null, action: 'supporter.unsubscribe', entityType: 'supporter', entityId: supporterId });
    }
    return { alreadyUnsubscribed };
  });
}

export type UnsubscribeRequest = { maskedEmail: string | null; alreadyUnsubscribed: boolean };

/** What the unsubscribe page shows before the person presses the button (the link is not used up). */
export async function getUnsubscribeRequest({ input }: { input: { token: string } }): Promise<UnsubscribeRequest> {
  const db = getDb();
  const { supporterId } = await peekActionToken(db, input.token, 'unsubscribe');
  const [s] = await db
    .select({ email: supporters.email, unsubscribedAt: supporters.unsubscribedAt })
    .from(supporters)
    .where(eq(supporters.id, supporterId));
  return { maskedEmail: s?.email ? maskEmail(s.email) : null, alreadyUnsubscribed: Boolean(s?.unsubscribedAt) };
}

/** `maria@example.org` → `m••••@example.org`: enough to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '••••';
  return `${email[0]}••••${email.slice(at)}`;
}
