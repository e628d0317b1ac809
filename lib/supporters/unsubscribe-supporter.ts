import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { validationError } from '@/lib/errors';
import { consents, organisations, signatures, supporters } from '@/db/schema';
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
    // From all: every organisation's consent is withdrawn (the rows stay as the record).
    await tx
      .update(consents)
      .set({ withdrawnAt: sql`coalesce(${consents.withdrawnAt}, now())` })
      .where(eq(consents.supporterId, supporterId));
    const alreadyUnsubscribed = Boolean(before?.unsubscribedAt);
    if (!alreadyUnsubscribed) {
      await recordAudit(tx, { actor: null, action: 'supporter.unsubscribe', entityType: 'supporter', entityId: supporterId });
    }
    return { alreadyUnsubscribed };
  });
}

export type UnsubscribeRequest = {
  maskedEmail: string | null;
  alreadyUnsubscribed: boolean;
  /** The organisations this person still gets updates from, to leave one at a time. */
  organisations: { id: string; name: string }[];
};

/** What the unsubscribe page shows before the person presses the button (the link is not used up). */
export async function getUnsubscribeRequest({ input }: { input: { token: string } }): Promise<UnsubscribeRequest> {
  const db = getDb();
  const { supporterId } = await peekActionToken(db, input.token, 'unsubscribe');
  const [s] = await db
    .select({ email: supporters.email, unsubscribedAt: supporters.unsubscribedAt })
    .from(supporters)
    .where(eq(supporters.id, supporterId));
  const orgs = await db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(consents)
    .innerJoin(organisations, eq(organisations.id, consents.organisationId))
    .where(and(eq(consents.supporterId, supporterId), isNull(consents.withdrawnAt)))
    .orderBy(organisations.name);
  return { maskedEmail: s?.email ? maskEmail(s.email) : null, alreadyUnsubscribed: Boolean(s?.unsubscribedAt), organisations: orgs };
}

/** `maria@example.org` → `m••••@example.org`: enough to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '••••';
  return `${email[0]}••••${email.slice(at)}`;
}

export const WithdrawConsentInput = z.object({ token: z.string().min(1).max(200), organisationId: z.uuid('Unknown organisation.') });
export type WithdrawConsentInput = z.input<typeof WithdrawConsentInput>;

/**
 * Stop updates from one organisation only (the unsubscribe link is the credential): its consents
 * from this person are withdrawn; the host's also clears the signatures' opt-in flag. Idempotent.
 * Audited `consent.withdraw` with the organisation's id.
 */
export async function withdrawConsent({ input }: { input: WithdrawConsentInput }): Promise<{ withdrawn: number }> {
  const parsed = WithdrawConsentInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { token, organisationId } = parsed.data;
  return getDb().transaction(async (tx) => {
    const { supporterId } = await consumeActionToken(tx, token, 'unsubscribe', { singleUse: false });
    const rows = await tx
      .update(consents)
      .set({ withdrawnAt: sql`now()` })
      .where(and(eq(consents.supporterId, supporterId), eq(consents.organisationId, organisationId), isNull(consents.withdrawnAt)))
      .returning({ id: consents.id });
    const [org] = await tx.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, organisationId));
    if (org?.kind === 'host') await tx.update(signatures).set({ optedIn: false }).where(eq(signatures.supporterId, supporterId));
    if (rows.length > 0) {
      await recordAudit(tx, { actor: null, action: 'consent.withdraw', entityType: 'supporter', entityId: supporterId, data: { organisationId } });
    }
    return { withdrawn: rows.length };
  });
}
