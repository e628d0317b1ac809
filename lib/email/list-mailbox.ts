import { desc, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { env } from '@/lib/env';
import { renderEmail } from './render';
import { openLinks, restoreSecrets, type SecretValue } from './secret-links';

export type MailboxMessage = {
  id: string;
  to: string;
  template: string;
  subject: string;
  status: 'queued' | 'sending' | 'sent' | 'failed';
  text: string;
  html: string;
  props: Record<string, unknown>;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
  transport: string | null;
  providerMessageId: string | null;
};

/** The dev mailbox shows every email, sign-in links included: off in production unless asked for. */
export function mailboxEnabled(): boolean {
  const e = env();
  return e.NODE_ENV !== 'production' || e.MAILBOX_ENABLED;
}

/**
 * Newest first. Rows not sent yet have no stored copy, so they are rendered for display. Links are
 * stored sealed and kept copies redacted; the mailbox opens them again, so it shows live links — which
 * is why it refuses to run where it is not enabled.
 */
export async function listMailbox(
  opts: { to?: string; limit?: number; db?: DbOrTx } = {},
): Promise<MailboxMessage[]> {
  if (!mailboxEnabled()) throw new Error('The dev mailbox is not enabled (MAILBOX_ENABLED)');
  const db = opts.db ?? getDb();
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  const rows = await db
    .select()
    .from(emailOutbox)
    .where(opts.to ? sql`lower(${emailOutbox.toAddress}) = ${opts.to.trim().toLowerCase()}` : undefined)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(limit);

  return Promise.all(
    rows.map(async (row) => {
      let subject = row.renderedSubject;
      let html = row.renderedHtml;
      let text = row.renderedText;
      let props = row.props;
      let secrets: SecretValue[] = [];
      try {
        const opened = await openLinks(row.props);
        props = opened.props as Record<string, unknown>;
        secrets = opened.secrets;
      } catch {
        // Sealed under another AUTH_SECRET: show the row as stored.
      }
      if (subject !== null && html !== null && text !== null) {
        html = restoreSecrets(html, secrets);
        text = restoreSecrets(text, secrets);
      } else {
        try {
          ({ subject, html, text } = await renderEmail(row.template, row.props));
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          subject = `(cannot render: ${message})`;
          html = '';
          text = message;
        }
      }
      return {
        id: row.id,
        to: row.toAddress,
        template: row.template,
        subject,
        status: row.status,
        text,
        html,
        props,
        createdAt: row.createdAt.toISOString(),
        sentAt: row.sentAt ? row.sentAt.toISOString() : null,
        attempts: row.attempts,
        lastError: row.lastError,
        transport: row.transport,
        // E2E tests quote it in a signed webhook (a bounce for this very message).
        providerMessageId: row.providerMessageId,
      };
    }),
  );
}
