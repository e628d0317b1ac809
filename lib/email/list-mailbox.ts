import { desc, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { env } from '@/lib/env';
import { renderEmail } from './render';

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
};

/** The dev mailbox shows every email, sign-in links included: off in production unless asked for. */
export function mailboxEnabled(): boolean {
  const e = env();
  return e.NODE_ENV !== 'production' || e.MAILBOX_ENABLED;
}

/** Newest first. Rows not sent yet have no stored copy, so they are rendered for display. */
export async function listMailbox(
  opts: { to?: string; limit?: number; db?: DbOrTx } = {},
): Promise<MailboxMessage[]> {
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
      if (subject === null || html === null || text === null) {
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
        props: row.props,
        createdAt: row.createdAt.toISOString(),
        sentAt: row.sentAt ? row.sentAt.toISOString() : null,
        attempts: row.attempts,
        lastError: row.lastError,
        transport: row.transport,
      };
    }),
  );
}
