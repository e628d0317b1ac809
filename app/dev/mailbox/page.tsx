import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { listMailbox, mailboxEnabled, type MailboxMessage } from '@/lib/email/list-mailbox';

export const metadata: Metadata = { title: 'Dev mailbox', robots: { index: false, follow: false } };

const statusStyle: Record<MailboxMessage['status'], string> = {
  queued: 'bg-amber-100 text-amber-900',
  sending: 'bg-sky-100 text-sky-900',
  sent: 'bg-emerald-100 text-emerald-900',
  failed: 'bg-red-100 text-red-900',
};

function When({ iso }: { iso: string }) {
  return <time dateTime={iso}>{iso.replace('T', ' ').slice(0, 19)} UTC</time>;
}

export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  await connection();
  if (!mailboxEnabled()) notFound();
  const { to: rawTo } = await searchParams;
  const to = typeof rawTo === 'string' && rawTo.trim() ? rawTo.trim().slice(0, 254) : undefined;
  const messages = await listMailbox({ to, limit: 100 });

  return (
    <main className="mx-auto max-w-5xl px-4 py-8 text-slate-900">
      <h1 className="text-2xl font-bold">Dev mailbox</h1>
      <p className="mt-2 text-sm text-slate-600">
        Every email the app has queued, newest first: what was sent, or what will be. Machine-readable at{' '}
        <a className="underline" href={`/dev/mailbox.json${to ? `?to=${encodeURIComponent(to)}` : ''}`}>
          /dev/mailbox.json
        </a>
        .
      </p>

      <form method="get" role="search" aria-label="Filter messages" className="mt-6 flex flex-wrap items-end gap-3">
        <div className="flex flex-col">
          <label htmlFor="mailbox-to" className="text-sm font-medium">
            Recipient
          </label>
          <input
            id="mailbox-to"
            name="to"
            type="email"
            defaultValue={to}
            placeholder="someone@example.org"
            className="mt-1 w-72 rounded border border-slate-400 px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded bg-blue-900 px-4 py-2 font-medium text-white hover:bg-blue-800">
          Filter
        </button>
        {to ? (
          <Link href="/dev/mailbox" className="py-2 text-sm underline">
            Show all
          </Link>
        ) : null}
      </form>

      <p className="mt-6 text-sm text-slate-600" role="status">
        {messages.length === 0
          ? `No messages${to ? ` to ${to}` : ''}.`
          : `${messages.length} ${messages.length === 1 ? 'message' : 'messages'}${to ? ` to ${to}` : ''}${messages.length === 100 ? ' (latest 100)' : ''}.`}
      </p>

      <ol className="mt-4 space-y-4" aria-label="Messages, newest first">
        {messages.map((m) => (
          <li key={m.id}>
            <article aria-labelledby={`msg-${m.id}`} className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 id={`msg-${m.id}`} className="text-lg font-semibold break-words">
                  {m.subject}
                </h2>
                <span className={`rounded px-2 py-0.5 text-xs font-semibold uppercase ${statusStyle[m.status]}`}>
                  <span className="sr-only">Status: </span>
                  {m.status}
                </span>
              </div>
              <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-slate-600">To</dt>
                <dd className="break-all">{m.to}</dd>
                <dt className="text-slate-600">Template</dt>
                <dd>
                  <code>{m.template}</code>
                </dd>
                <dt className="text-slate-600">Attempts</dt>
                <dd>
                  {m.attempts}
                  {m.transport ? ` · via ${m.transport}` : ''}
                </dd>
                <dt className="text-slate-600">Created</dt>
                <dd>
                  <When iso={m.createdAt} />
                </dd>
                <dt className="text-slate-600">Sent</dt>
                <dd>{m.sentAt ? <When iso={m.sentAt} /> : 'not yet'}</dd>
                {m.lastError ? (
                  <>
                    <dt className="text-slate-600">Last error</dt>
                    <dd className="break-words text-red-800">{m.lastError}</dd>
                  </>
                ) : null}
              </dl>
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium text-blue-900 underline">Show the email</summary>
                <h3 className="mt-3 text-sm font-semibold">HTML version</h3>
                {/* Empty sandbox: the email's HTML runs no scripts and cannot reach this page. */}
                <iframe
                  title={`HTML version of “${m.subject}”`}
                  srcDoc={m.html}
                  sandbox=""
                  className="mt-1 h-[32rem] w-full rounded border border-slate-300 bg-white"
                />
                <h3 className="mt-3 text-sm font-semibold">Text version</h3>
                <pre className="mt-1 max-h-96 overflow-auto rounded bg-slate-100 p-3 text-sm whitespace-pre-wrap">{m.text}</pre>
              </details>
            </article>
          </li>
        ))}
      </ol>
    </main>
  );
}
