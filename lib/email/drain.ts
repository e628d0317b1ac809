import { and, eq, inArray, lt, lte, ne, or, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { emailOutbox, type OutboxRow } from '@/db/schema';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { templateDefinition } from '@/emails/registry';
import { backoffDelayMs } from './backoff';
import { outboxHookFor } from './hooks';
import { blockedReason } from './suppression';
import { isTemplateError, keptCopy as redactedCopy, renderEmail, type RenderedEmail } from './render';
import { EmailSendError, getTransport, isPermanentSendError, retryAfterMsOf, type EmailTransport } from './transports';

const msInterval = (ms: number) => sql`(${ms}::int * interval '1 millisecond')`;

export type DrainResult = { claimed: number; sent: number; retried: number; failed: number };

export type DrainOptions = {
  limit?: number;
  transport?: EmailTransport;
  /** Not a transaction: claims must commit before the network calls. */
  db?: Db;
  backoffBaseMs?: number;
  /** How long a claim lasts (default OUTBOX_LEASE_MS). */
  leaseMs?: number;
  /** The longest one send may take (default RESEND_TIMEOUT_MS). */
  sendTimeoutMs?: number;
};

/**
 * Send due outbox rows. Safe with any number of drainers at once: a row is claimed by one atomic
 * UPDATE (SKIP LOCKED) that leases it, and results are only written by the lease holder.
 */
export async function drainOutbox(opts: DrainOptions = {}): Promise<DrainResult> {
  const db = opts.db ?? getDb();
  const transport = opts.transport ?? getTransport();
  const baseMs = opts.backoffBaseMs ?? env().OUTBOX_BACKOFF_BASE_MS;
  const leaseMs = opts.leaseMs ?? env().OUTBOX_LEASE_MS;
  const sendTimeoutMs = opts.sendTimeoutMs ?? env().RESEND_TIMEOUT_MS;
  const result: DrainResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };

  const rows = await claimDue(db, opts.limit ?? 20, leaseMs);
  // Stop starting sends two send timeouts before the lease lapses, so no other drainer re-claims a
  // row we are still sending (lib/env.ts keeps the lease at least three send timeouts long).
  const deadline = Date.now() + leaseMs - 2 * sendTimeoutMs;
  result.claimed = rows.length;
  // One at a time: providers rate-limit per account (Resend: a few requests a second).
  for (let i = 0; i < rows.length; i++) {
    if (Date.now() > deadline) {
      await release(db, rows.slice(i));
      result.claimed = i;
      break;
    }
    const { outcome, retryAfterMs } = await deliver(db, transport, rows[i], baseMs);
    result[outcome]++;
    if (retryAfterMs !== undefined) {
      // The provider said "wait" (a rate limit is per account): the rest of the batch waits too,
      // rather than spend its attempts on answers we already know.
      await release(db, rows.slice(i + 1), retryAfterMs);
      result.claimed = i + 1;
      break;
    }
  }
  if (result.claimed) logger.info({ ...result, transport: transport.name }, 'outbox drained');
  return result;
}

async function claimDue(db: Db, limit: number, leaseMs: number): Promise<OutboxRow[]> {
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      or(
        and(eq(emailOutbox.status, 'queued'), lte(emailOutbox.nextAttemptAt, sql`now()`)),
        // A drainer died mid-send: its lease lapsed, so the row is up for grabs again.
        and(eq(emailOutbox.status, 'sending'), lt(emailOutbox.lockedUntil, sql`now()`)),
      ),
    )
    .orderBy(emailOutbox.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(emailOutbox)
    .set({
      status: 'sending',
      lockedUntil: sql`now() + ${msInterval(leaseMs)}`,
      attempts: sql`${emailOutbox.attempts} + 1`,
      updatedAt: sql`now()`,
    })
    .where(inArray(emailOutbox.id, due))
    .returning();
  return rows.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
}

/**
 * The rendered copy kept on the row — unless the row was erased while we were sending (its person
 * was forgotten): then the outcome is recorded but nothing personal is written back.
 */
function keptCopy(rendered: RenderedEmail) {
  // Links with secrets are redacted from the copy first (render.ts): the row never holds a live token.
  const copy = redactedCopy(rendered);
  const unlessErased = (value: string) => sql`case when ${emailOutbox.erasedAt} is null then ${value} else null end`;
  return { renderedSubject: unlessErased(copy.renderedSubject), renderedHtml: unlessErased(copy.renderedHtml), renderedText: unlessErased(copy.renderedText) };
}

/** Only the drainer holding this claim (same attempt number) may record a failure. */
const claimedBy = (row: OutboxRow) =>
  and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, 'sending'), eq(emailOutbox.attempts, row.attempts));

type Delivery = { outcome: 'sent' | 'retried' | 'failed'; retryAfterMs?: number };

async function deliver(db: Db, transport: EmailTransport, row: OutboxRow, baseMs: number): Promise<Delivery> {
  if (row.attempts > row.maxAttempts) {
    // Re-claimed after a lapsed lease with no attempts left (a drainer crashed on the last try).
    return { outcome: await fail(db, row, 'Interrupted on the last attempt; no attempts left', undefined, 'failed') };
  }
  let rendered: RenderedEmail | undefined;
  let providerId: string;
  let transportName = transport.name;
  const custom = outboxHookFor(row.template)?.deliver;
  try {
    if (custom) {
      // Not an email: the domain's hook delivers it (a CWC message); the protocol around it is the same.
      const copy = await custom(row);
      rendered = { subject: copy.subject, html: '', text: copy.text, headers: {}, secrets: [] };
      [providerId, transportName] = [copy.id, copy.transport];
    } else {
      const blocked = await blockedReason(db, row.toAddress, templateDefinition(row.template)?.marketing ?? false);
      if (blocked) throw new EmailSendError(blocked, { permanent: true });
      rendered = await renderEmail(row.template, row.props);
      ({ id: providerId } = await transport.send({
        from: env().EMAIL_FROM,
        to: row.toAddress,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        headers: rendered.headers,
        replyTo: rendered.replyTo,
        idempotencyKey: row.idempotencyKey,
      }));
    }
  } catch (err) {
    const permanent = isTemplateError(err) || isPermanentSendError(err);
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
    const retryAfterMs = permanent ? undefined : retryAfterMsOf(err);
    logger.warn({ outboxId: row.id, template: row.template, attempt: row.attempts, permanent, retryAfterMs, err: message }, 'email send failed');
    const outcome = permanent || row.attempts >= row.maxAttempts ? 'failed' : 'retried';
    // The row waits at least as long as its service asked. Only the mail provider's Retry-After holds
    // the rest of the batch: a wait from the Senate's service (a custom delivery) concerns its own row.
    return { outcome: await fail(db, row, message, rendered, outcome, baseMs, retryAfterMs), retryAfterMs: custom ? undefined : retryAfterMs };
  }
  await recordSent(db, row, rendered, providerId, transportName);
  return { outcome: 'sent' };
}

async function recordSent(db: Db, row: OutboxRow, rendered: RenderedEmail, providerId: string, transportName: string) {
  await db.transaction(async (tx) => {
    // The mail went out: record it even if our lease lapsed meanwhile (the provider's idempotency
    // key makes the other drainer's send of the same row a no-op).
    const updated = await tx
      .update(emailOutbox)
      .set({
        status: 'sent',
        providerMessageId: providerId,
        transport: transportName,
        ...keptCopy(rendered),
        sentAt: sql`now()`,
        lockedUntil: null,
        lastError: null,
        updatedAt: sql`now()`,
      })
      .where(and(eq(emailOutbox.id, row.id), ne(emailOutbox.status, 'sent')))
      .returning({ id: emailOutbox.id });
    if (updated.length) await outboxHookFor(row.template)?.onSent?.(tx, row);
  });
}

async function fail(
  db: Db,
  row: OutboxRow,
  message: string,
  rendered: RenderedEmail | undefined,
  outcome: 'retried' | 'failed',
  baseMs = 0,
  retryAfterMs = 0,
) {
  // Keep what we tried to send, so the mailbox and staff can see it.
  const copy = rendered ? keptCopy(rendered) : {};
  if (outcome === 'retried') {
    // Never sooner than the provider asked (Retry-After), nor than our own backoff.
    const delayMs = Math.max(backoffDelayMs(row.attempts, baseMs), retryAfterMs);
    await db
      .update(emailOutbox)
      .set({
        ...copy,
        status: 'queued',
        nextAttemptAt: sql`now() + ${msInterval(delayMs)}`,
        lockedUntil: null,
        lastError: message,
        updatedAt: sql`now()`,
      })
      .where(claimedBy(row));
    return outcome;
  }
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(emailOutbox)
      .set({ ...copy, status: 'failed', lockedUntil: null, lastError: message, updatedAt: sql`now()` })
      .where(claimedBy(row))
      .returning({ id: emailOutbox.id });
    if (updated.length) await outboxHookFor(row.template)?.onFailed?.(tx, row, message);
  });
  return outcome;
}

/**
 * Hand back rows claimed but not attempted; the attempt they were charged is refunded. With
 * `waitMs` (the provider's Retry-After) they are not due again before it.
 */
async function release(db: Db, rows: OutboxRow[], waitMs?: number) {
  for (const row of rows) {
    await db
      .update(emailOutbox)
      .set({
        status: 'queued',
        lockedUntil: null,
        attempts: sql`${emailOutbox.attempts} - 1`,
        ...(waitMs !== undefined ? { nextAttemptAt: sql`greatest(${emailOutbox.nextAttemptAt}, now() + ${msInterval(waitMs)})` } : {}),
        updatedAt: sql`now()`,
      })
      .where(claimedBy(row));
  }
}
