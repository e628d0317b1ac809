import fs from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';

// Staff sign-in for e2e tests: magic links read from the dev mailbox (/dev/mailbox.json).

export const OWNER_EMAIL = 'owner@e2e.ratify.test';
export type RoleLabel = 'Owner' | 'Admin' | 'Editor' | 'Analyst' | 'Viewer';

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
let seq = 0;

/** A fresh staff address per call (unique per run), e.g. `editor.lx3k2.1@e2e.ratify.test`. */
export function uniqueStaffEmail(tag: string): string {
  return `${tag}.${run}.${++seq}@e2e.ratify.test`;
}

/** Each link request from its own client address (TRUST_PROXY=1 in e2e): the per-IP limit is not under test here. */
function freshIp(): string {
  const n = Math.floor(Math.random() * 2 ** 24);
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

type MailboxMessage = { id: string; to: string; template: string; subject: string; text: string; props: Record<string, unknown> };

/** Messages to `email`, newest first. */
export async function mailTo(request: APIRequestContext, email: string): Promise<MailboxMessage[]> {
  const res = await request.get(`/dev/mailbox.json?to=${encodeURIComponent(email)}`);
  expect(res.ok(), `GET /dev/mailbox.json answered ${res.status()}`).toBe(true);
  return ((await res.json()) as { messages: MailboxMessage[] }).messages;
}

/** Ids of the sign-in mails already there, to tell a new one apart. */
export async function signInMailIds(request: APIRequestContext, email: string): Promise<Set<string>> {
  return new Set((await mailTo(request, email)).filter((m) => m.template === 'staff-sign-in').map((m) => m.id));
}

/** Wait for a sign-in mail that was not in `seen` and return its link. */
export async function waitForNewSignInLink(request: APIRequestContext, email: string, seen: Set<string>): Promise<string> {
  let link = '';
  await expect
    .poll(
      async () => {
        const fresh = (await mailTo(request, email)).find((m) => m.template === 'staff-sign-in' && !seen.has(m.id));
        link = fresh ? String(fresh.props.url) : '';
        return link;
      },
      { message: `a new sign-in mail for ${email}`, timeout: 15_000 },
    )
    .not.toBe('');
  return link;
}

/** Ask for a link through Auth.js's own endpoint (with its CSRF token) and return the mailed URL. */
export async function requestSignInLink(context: BrowserContext, email: string, callbackUrl = '/dashboard'): Promise<string> {
  const request = context.request;
  const seen = await signInMailIds(request, email);
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await request.post('/api/auth/signin/email', {
    form: { email, csrfToken, callbackUrl },
    headers: { 'x-forwarded-for': freshIp() },
    maxRedirects: 0,
  });
  expect(res.status(), 'POST /api/auth/signin/email').toBe(302);
  return waitForNewSignInLink(request, email, seen);
}

/** Open an emailed sign-in link and press its button: the link alone only shows the page (mail scanners). */
export async function openSignInLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

type Cookies = Awaited<ReturnType<BrowserContext['cookies']>>;
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token$/;

// Sessions are kept on disk (not only in memory) so a worker restarted after a failure reuses them:
// the per-address limit (5 links per 15 minutes) must never starve the rest of the suite. A file left
// from an earlier run points at a session the fresh database never had, and is simply replaced.
const sessionDir = path.join('test-results', '.staff-sessions');
const sessionFile = (email: string) => path.join(sessionDir, `${process.env.E2E_PORT ?? 3100}-${email}.json`);

function savedSession(email: string): Cookies | null {
  try {
    return JSON.parse(fs.readFileSync(sessionFile(email), 'utf8')) as Cookies;
  } catch {
    return null;
  }
}

function saveSession(email: string, cookies: Cookies) {
  fs.mkdirSync(sessionDir, { recursive: true });
  fs.writeFileSync(sessionFile(email), JSON.stringify(cookies));
}

/**
 * Sign `page`'s browser context in as `email` (an existing staff address) and open /dashboard.
 * Reuses a session made earlier in this run when it is still valid (fewer magic links); `fresh: true`
 * always requests and redeems a new link.
 */
export async function signInAs(page: Page, email: string, opts: { fresh?: boolean } = {}): Promise<void> {
  const context = page.context();
  const saved = opts.fresh ? null : savedSession(email);
  if (saved) {
    await context.addCookies(saved);
    await page.goto('/dashboard');
    if (new URL(page.url()).pathname === '/dashboard') return;
    await context.clearCookies({ name: SESSION_COOKIE });
  }
  const link = await requestSignInLink(context, email);
  await openSignInLink(page, link);
  await expect(page).toHaveURL(/\/dashboard$/);
  saveSession(
    email,
    (await context.cookies()).filter((c) => SESSION_COOKIE.test(c.name)),
  );
}

/** As the signed-in `owner` page: invite `email` with `role` through the Team page. */
export async function inviteStaffMember(owner: Page, email: string, role: RoleLabel): Promise<void> {
  await owner.goto('/dashboard/team');
  await owner.getByLabel('Email', { exact: true }).fill(email);
  await owner.getByLabel('Role', { exact: true }).selectOption({ label: role });
  await owner.getByRole('button', { name: 'Send invite' }).click();
  await expect(owner.getByRole('status').filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
}

/** The row of the Team table for `email`. */
export function teamRow(owner: Page, email: string) {
  return owner.getByRole('row').filter({ has: owner.getByRole('cell', { name: email, exact: true }) });
}
