import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { templateDefinition, type TemplateName, type TemplateProps } from '@/emails/registry';
import { env } from '@/lib/env';
import { AppError, validationError } from '@/lib/errors';
import { outboxHookFor } from './hooks';
import { SecretLink, linkUrl, sealLink, type SealedLink } from './secret-links';

export type EnqueueEmailInput<N extends TemplateName> = {
  template: N;
  to: string;
  props: TemplateProps<N>;
  /** Unique per logical message, e.g. `signature-confirmation:<signatureId>`; also sent to Resend. */
  idempotencyKey: string;
  maxAttempts?: number;
  /** Not before this time (bulk senders pace their rows to the provider's rate limit). */
  notBefore?: Date;
};

const noLineBreaks = (s: string) => !/[\r\n]/.test(s);

const Envelope = z.object({
  to: z.email('must be an email address').max(254).refine(noLineBreaks, 'must be a single line'),
  // Also an HTTP header (Idempotency-Key) on the way to Resend.
  idempotencyKey: z
    .string()
    .min(1)
    .max(256)
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
  maxAttempts: z.number().int().min(1).max(50).optional(),
});

/**
 * Queue an email in the caller's transaction: the row commits (or rolls back) with the change that
 * caused it, and the drainer sends it afterwards. Returns the new row's id, or null when a message
 * with this idempotency key was already queued.
 */
export async function enqueueEmail<N extends TemplateName>(tx: DbOrTx, msg: EnqueueEmailInput<N>): Promise<string | null> {
  const [id] = await enqueueEmails(tx, [msg]);
  return id;
}

// Rows per INSERT: well under PostgreSQL's 65,535 bind parameters (8 columns a row).
const INSERT_CHUNK = 1000;

/**
 * Queue many emails of one template in the caller's transaction, with one INSERT per thousand rows
 * (a bulk sender's batch, e.g. a campaign update, instead of a round trip per recipient). Every
 * message is checked as enqueueEmail checks it, before any row is written. Returns each message's new
 * row id, in order, or null where its idempotency key was already queued.
 */
export async function enqueueEmails<N extends TemplateName>(tx: DbOrTx, msgs: EnqueueEmailInput<N>[]): Promise<(string | null)[]> {
  const values = [];
  for (const msg of msgs) values.push(await outboxRow(tx, msg));
  const ids = new Map<string, string>();
  for (let i = 0; i < values.length; i += INSERT_CHUNK) {
    const rows = await tx
      .insert(emailOutbox)
      .values(values.slice(i, i + INSERT_CHUNK))
      .onConflictDoNothing({ target: emailOutbox.idempotencyKey })
      .returning({ id: emailOutbox.id, key: emailOutbox.idempotencyKey });
    for (const r of rows) ids.set(r.key, r.id);
  }
  // A key given twice in one call is queued once: the first message gets the row.
  return values.map((v) => {
    const id = ids.get(v.idempotencyKey) ?? null;
    ids.delete(v.idempotencyKey);
    return id;
  });
}

/** One message checked (envelope, template props, sealed links, subject) into its outbox row. */
async function outboxRow<N extends TemplateName>(tx: DbOrTx, msg: EnqueueEmailInput<N>) {
  const def = templateDefinition(msg.template);
  if (!def) throw new AppError('VALIDATION', `Unknown email template "${msg.template}"`);

  const envelope = Envelope.safeParse({ to: msg.to, idempotencyKey: msg.idempotencyKey, maxAttempts: msg.maxAttempts });
  if (!envelope.success) throw validationError(envelope.error.issues);
  // Secret links are sealed for storage; the template's schema checks a stand-in URL in their place.
  const input: Record<string, unknown> = { ...(msg.props as Record<string, unknown>) };
  const sealed: Record<string, SealedLink> = {};
  for (const field of def.secretLinks ?? []) {
    const link = input[field];
    if (!(link instanceof SecretLink)) {
      throw validationError([{ path: [field], message: 'must be a secret link: its token is never stored in the clear' }]);
    }
    sealed[field] = await sealLink(link, tx);
    input[field] = linkUrl(link.path, 'x'.repeat(43));
  }
  const props = def.props.safeParse(input);
  if (!props.success) throw validationError(props.error.issues);
  // The subject is rendered again at send time (and stripped there); refusing here surfaces the bug early.
  if (!noLineBreaks(def.subject(props.data))) {
    throw validationError([{ path: ['subject'], message: 'must be a single line' }]);
  }
  return {
    template: msg.template,
    toAddress: envelope.data.to,
    props: { ...(props.data as Record<string, unknown>), ...sealed },
    idempotencyKey: envelope.data.idempotencyKey,
    maxAttempts: envelope.data.maxAttempts ?? env().OUTBOX_MAX_ATTEMPTS,
    ...(msg.notBefore ? { nextAttemptAt: msg.notBefore } : {}),
  };
}

const DeliveryEnvelope = z.object({
  template: z.string().regex(/^[a-z][a-z0-9-]{1,60}$/),
  // Not an email address: whatever the channel names its recipient by (a Senate office code).
  to: z.string().min(1).max(254).refine(noLineBreaks, 'must be a single line'),
  idempotencyKey: Envelope.shape.idempotencyKey,
  maxAttempts: Envelope.shape.maxAttempts,
});

export type EnqueueDeliveryInput = { template: string; to: string; props: Record<string, unknown>; idempotencyKey: string; maxAttempts?: number };

/**
 * Queue a message for a channel other than email, in the caller's transaction: a row of a kind whose
 * registered outbox hook delivers it (`deliver`, lib/email/hooks.ts). Same table, keys, retries and
 * monitor as mail. Returns the new row's id, or null when the key was already queued.
 */
export async function enqueueDelivery(tx: DbOrTx, msg: EnqueueDeliveryInput): Promise<string | null> {
  const envelope = DeliveryEnvelope.safeParse(msg);
  if (!envelope.success) throw validationError(envelope.error.issues);
  // A row nobody can deliver would sit in the queue failing: refuse it while the caller can still roll back.
  if (templateDefinition(msg.template) || !outboxHookFor(msg.template)?.deliver) {
    throw new AppError('VALIDATION', `No delivery channel is registered for "${msg.template}"`);
  }
  const rows = await tx
    .insert(emailOutbox)
    .values({
      template: envelope.data.template,
      toAddress: envelope.data.to,
      props: msg.props,
      idempotencyKey: envelope.data.idempotencyKey,
      maxAttempts: envelope.data.maxAttempts ?? env().OUTBOX_MAX_ATTEMPTS,
    })
    .onConflictDoNothing({ target: emailOutbox.idempotencyKey })
    .returning({ id: emailOutbox.id });
  return rows[0]?.id ?? null;
}
