import path from 'node:path';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { roles, type Role } from '../../../lib/auth/permissions';
import { mailIds, readMail } from './mailbox';
import { uniqueEmail, uniqueIp } from './unique';

// Staff in e2e. tests/e2e/auth.setup.ts signs one member of every role in once per run (the owner
// is seeded from ADMIN_EMAIL; the others are invited through the Team page) and saves each browser
// session; specs open pages with those sessions (`staffPage`) instead of signing in again. The
// magic-link flow itself is the subject of staff-auth.spec.ts, which uses signInAs below.

export const OWNER_EMAIL = 'owner@e2e.ratify.test';
export { roles, type Role };

/** How each role is named in the Team page's picker. A new role needs its line here (and nothing else). */
export const ROLE_LABELS: Record<Role, string> = {
  partner: 'Partner',
  owner: 'Owner',
  admin: 'Admin',
  editor: 'Editor',
  analyst: 'Analyst',
  viewer: 'Viewer',
};

// Per port, so helpers running e2e side by side never read each other's sessions.
const authDir = path.join('test-results', `.auth-${process.env.E2E_PORT ?? 3100}`);
export const authFile = (role: Role) => path.join(authDir, `${role}.json`);

export const test = base.extend<{
  /**
   * A page in a new browser context signed in as the run's `role` member (the saved session), or
   * with `fresh: true` as a member of its own, invited and signed in for this test: for views that
   * show the member's own history (their exports), which other specs' requests would add to.
   */
  staffPage: (role: Role, opts?: { fresh?: boolean }) => Promise<Page>;
}>({
  staffPage: async ({ browser }, provide) => {
    const opened: BrowserContext[] = [];
    await provide(async (role, opts = {}) => {
      const context = await browser.newContext(opts.fresh ? {} : { storageState: authFile(role) });
      opened.push(context);
      const page = await context.newPage();
      if (opts.fresh) await signInAs(page, await newStaffMember(browser, role));
      return page;
    });
    for (const context of opened) await context.close();
  },
});
export { expect };

/** Ask for a link through Auth.js's own endpoint (with its CSRF token) and return the mailed URL. */
export async function requestSignInLink(context: BrowserContext, email: string, callbackUrl = '/dashboard'): Promise<string> {
  const request = context.request;
  const seen = await mailIds(request, email, 'staff-sign-in');
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await request.post('/api/auth/signin/email', {
    form: { email, csrfToken, callbackUrl },
    // Each request from its own address: the per-IP limit on links is not under test here.
    headers: { 'x-forwarded-for': uniqueIp() },
    maxRedirects: 0,
  });
  expect(res.status(), 'POST /api/auth/signin/email').toBe(302);
  return String((await readMail(request, email, 'staff-sign-in', { notIn: seen })).props.url);
}

/** Open an emailed sign-in link and press its button: the link alone only shows the page (mail scanners). */
export async function openSignInLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Sign `page`'s context in as `email` (an active staff address) with a new magic link; lands on /dashboard. */
export async function signInAs(page: Page, email: string): Promise<void> {
  await openSignInLink(page, await requestSignInLink(page.context(), email));
  await expect(page).toHaveURL(/\/dashboard$/);
}

/**
 * Sign `context` in as `email` without rendering a page: request a link, GET its page and POST the
 * page's form as its button does (for the run's setup; staff-auth.spec.ts drives the pages).
 */
export async function signInByRequest(context: BrowserContext, email: string): Promise<void> {
  const link = await requestSignInLink(context, email);
  const page = await context.request.get(link);
  expect(page.status(), 'the sign-in link page').toBe(200);
  const form = /<form\b[^>]*\bmethod="post"[^>]*>/.exec(await page.text())?.[0] ?? '';
  const action = /\baction="([^"]+)"/.exec(form)?.[1];
  expect(action, 'the sign-in link page has its form').toBeTruthy();
  const res = await context.request.post(new URL(action!.replaceAll('&amp;', '&'), link).toString(), {
    headers: { origin: new URL(link).origin },
    form: {},
    maxRedirects: 0,
  });
  expect(res.status(), 'POST to the sign-in callback').toBe(302);
  expect(res.headers().location, 'signed in, on to the dashboard').toMatch(/\/dashboard$/);
}

/**
 * The staff factory: as the signed-in `owner` page, invite `email` with `role` through the Team page,
 * as a coalition does. Returns the address.
 */
export async function inviteStaff(owner: Page, role: Role, email = uniqueEmail(role), organisation?: string): Promise<string> {
  await owner.goto('/dashboard/team');
  await owner.getByLabel('Email', { exact: true }).fill(email);
  await owner.getByLabel('Role', { exact: true }).selectOption({ label: ROLE_LABELS[role] });
  if (role === 'partner') {
    // Partner staff belong to one partner organisation: the named one, else the first listed.
    const picker = owner.getByLabel('Partner organisation (partner role only)');
    if (organisation) await picker.selectOption({ label: organisation });
    else await picker.selectOption({ index: 1 });
  }
  await owner.getByRole('button', { name: 'Send invite' }).click();
  await expect(owner.getByRole('status').filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  return email;
}

/** A new colleague with `role`, invited by the run's owner (for tests that revoke, sign out or re-role someone). */
export async function newStaffMember(browser: Browser, role: Role, tag: string = role): Promise<string> {
  const context = await browser.newContext({ storageState: authFile('owner') });
  try {
    return await inviteStaff(await context.newPage(), role, uniqueEmail(tag));
  } finally {
    await context.close();
  }
}

/** The row of the Team table for `email`. */
export function teamRow(owner: Page, email: string) {
  return owner.getByRole('row').filter({ has: owner.getByRole('cell', { name: email, exact: true }) });
}

/** As the signed-in owner, add a partner organisation on the Organisations page; returns its name. */
export async function addPartner(owner: Page, name: string, code: string, optInText = ''): Promise<string> {
  await owner.goto('/dashboard/organisations');
  const form = owner.getByRole('region', { name: 'Partners' }).locator('form').last();
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Short code', { exact: true }).fill(code);
  if (optInText) await form.getByLabel('Opt-in wording', { exact: true }).fill(optInText);
  await form.getByRole('button', { name: 'Add partner' }).click();
  await expect(form.getByText('Partner added.')).toBeVisible();
  return name;
}
