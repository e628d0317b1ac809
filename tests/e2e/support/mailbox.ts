import { expect, type APIRequestContext } from '@playwright/test';

// The dev mailbox (/dev/mailbox.json, MAILBOX_ENABLED=1 in e2e): every email the app sent, newest
// first. The outbox drains every 250 ms in e2e, so a mail is waited for, never assumed.

export type MailboxMessage = {
  id: string;
  to: string;
  template: string;
  subject: string;
  text: string;
  props: Record<string, unknown>;
  providerMessageId?: string | null;
};

/** Messages to `to`, newest first (what is there now: no waiting). */
export async function mailTo(request: APIRequestContext, to: string): Promise<MailboxMessage[]> {
  const res = await request.get(`/dev/mailbox.json?to=${encodeURIComponent(to)}`);
  expect(res.ok(), `GET /dev/mailbox.json answered ${res.status()}`).toBe(true);
  return ((await res.json()) as { messages: MailboxMessage[] }).messages;
}

/** Ids of the `template` mails to `to` already there, to tell a new one apart (see readMail's `notIn`). */
export async function mailIds(request: APIRequestContext, to: string, template: string): Promise<Set<string>> {
  return new Set((await mailTo(request, to)).filter((m) => m.template === template).map((m) => m.id));
}

/** Wait for the newest `template` mail to `to` (one not in `notIn`, when given) and return it. */
export async function readMail(
  request: APIRequestContext,
  to: string,
  template: string,
  opts: { notIn?: Set<string> } = {},
): Promise<MailboxMessage> {
  let found: MailboxMessage | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailTo(request, to)).find((m) => m.template === template && !opts.notIn?.has(m.id));
        return Boolean(found);
      },
      { message: `a ${opts.notIn ? 'new ' : ''}${template} email to ${to}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

/** Path part of an absolute link from an email (the app's own origin). */
export function pathOf(url: unknown): string {
  const u = new URL(String(url));
  return `${u.pathname}${u.search}`;
}
