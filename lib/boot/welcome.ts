import type { Env } from '@/lib/env';

/**
 * Where to go next, printed once the server is ready to take requests: the address, who can sign
 * in, and where the sign-in link lands. Plain lines, not log records: a person reads them.
 */
export function welcomeLines(
  e: Env,
  { mailboxOn, owners, demoData = false }: { mailboxOn: boolean; owners: string[]; demoData?: boolean },
): string[] {
  const url = e.APP_URL.replace(/\/$/, '');
  const lines = [`Ratify is running at ${url}`];
  if (owners.length > 0) lines.push(`  Staff sign in at ${url}/sign-in as ${owners.join(' or ')}.`);
  if (e.RESEND_API_KEY) lines.push('  Emails, sign-in links included, are sent through Resend.');
  else if (mailboxOn) lines.push(`  Emails, sign-in links included, land in the dev mailbox: ${url}/dev/mailbox`);
  else lines.push('  Emails stay in the local outbox: set RESEND_API_KEY to send them, or MAILBOX_ENABLED=1 to read them at /dev/mailbox.');
  if (demoData) lines.push('  The dashboard shows fictional demo activity (invented people and stances); start with DEMO_DATA=0 to skip it.');
  return lines;
}
