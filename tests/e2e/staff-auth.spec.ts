import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { mailIds, mailTo, readMail } from './support/mailbox';
import {
  authFile,
  expect,
  inviteStaff,
  newStaffMember,
  OWNER_EMAIL,
  openSignInLink,
  requestSignInLink,
  signInAs,
  teamRow,
  test,
} from './support/staff';
import { uniqueEmail, uniqueIp, withOwnIp } from './support/unique';

// The magic-link flow itself, as staff meet it: every other spec reuses the sessions that
// tests/e2e/auth.setup.ts saved, so sign-in, invitations, revocation and sign-out are proven here.

/** Use the sign-in form as a person would; returns once the neutral page shows. */
async function submitSignInForm(page: Page, email: string, path = '/sign-in') {
  await withOwnIp(page);
  await page.goto(path);
  await page.getByLabel('Work email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page).toHaveURL(/\/check-your-inbox$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeVisible();
}

/** The newest sign-in link mailed to `email` that was not among `seen`. */
async function newSignInLink(page: Page, email: string, seen: Set<string>): Promise<string> {
  return String((await readMail(page.request, email, 'staff-sign-in', { notIn: seen })).props.url);
}

test('the owner signs in by email link, invites an editor and an analyst, and each signs in with their own link', async ({
  browser,
  page,
}) => {
  const seen = await mailIds(page.request, OWNER_EMAIL, 'staff-sign-in');
  await submitSignInForm(page, OWNER_EMAIL);
  await openSignInLink(page, await newSignInLink(page, OWNER_EMAIL, seen));
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(OWNER_EMAIL);
  const nav = page.getByRole('navigation', { name: 'Dashboard' });
  await expect(nav.getByRole('link', { name: 'Team' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');

  const editor = await inviteStaff(page, 'editor');
  const analyst = await inviteStaff(page, 'analyst');
  await expect(teamRow(page, editor)).toContainText('Invited');

  for (const [email, role, sees, hidden] of [
    [editor, 'editor', 'Campaigns', 'People'],
    [analyst, 'analyst', 'People', 'Team'],
  ] as const) {
    const invitation = (await mailTo(page.request, email)).find((m) => m.template === 'staff-invite');
    expect(invitation?.props).toMatchObject({ role });
    const context = await browser.newContext();
    const colleague = await context.newPage();
    // The invitation links to the sign-in page with the address filled in.
    const seenBefore = await mailIds(colleague.request, email, 'staff-sign-in');
    await withOwnIp(colleague);
    await colleague.goto(String(invitation!.props.signInUrl));
    await expect(colleague.getByLabel('Work email')).toHaveValue(email);
    await colleague.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(colleague).toHaveURL(/\/check-your-inbox$/);
    await openSignInLink(colleague, await newSignInLink(colleague, email, seenBefore));
    await expect(colleague).toHaveURL(/\/dashboard$/);
    const colleagueNav = colleague.getByRole('navigation', { name: 'Dashboard' });
    await expect(colleagueNav.getByRole('link', { name: sees })).toBeVisible();
    await expect(colleagueNav.getByRole('link', { name: hidden })).toHaveCount(0);
    const denied = await colleague.goto('/dashboard/team');
    expect(denied?.status()).toBe(403);
    await context.close();
  }

  await page.reload();
  await expect(teamRow(page, editor)).toContainText('Active');
});

test('an unknown address gets the same neutral page and no mail', async ({ page, request }) => {
  const stranger = uniqueEmail('stranger');
  await submitSignInForm(page, stranger);
  // The link is queued inside the request that answered, so "no mail" needs no waiting.
  expect(await mailTo(request, stranger)).toEqual([]);

  // And the HTTP answer is byte-for-byte the one staff get.
  const staff = await newStaffMember(page.context().browser()!, 'viewer', 'neutral');
  const answers = [];
  for (const email of [stranger, staff]) {
    const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
    const res = await request.post('/api/auth/signin/email', {
      form: { email, csrfToken, callbackUrl: '/dashboard' },
      headers: { 'x-forwarded-for': uniqueIp() },
      maxRedirects: 0,
    });
    answers.push([res.status(), res.headers()['location']]);
  }
  expect(answers[0]).toEqual(answers[1]);
  expect(await mailTo(request, stranger)).toEqual([]);
  expect((await mailTo(request, staff)).filter((m) => m.template === 'staff-sign-in')).toHaveLength(1);
});

test('a callbackUrl to another site is ignored; a same-site one is honoured', async ({ browser, page }) => {
  const email = await newStaffMember(browser, 'viewer', 'callback');
  await page.goto('/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal');
  await expect(page.locator('input[name="callbackUrl"]')).toHaveValue('/dashboard');
  const seen = await mailIds(page.request, email, 'staff-sign-in');
  await withOwnIp(page);
  await page.getByLabel('Work email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page).toHaveURL(/\/check-your-inbox$/);
  const link = await newSignInLink(page, email, seen);
  expect(new URL(link).searchParams.get('callbackUrl')).toBe(new URL('/dashboard', link).href);
  // Even a crafted link pointing elsewhere lands on this site.
  const crafted = new URL(link);
  crafted.searchParams.set('callbackUrl', 'https://evil.example/steal');
  await openSignInLink(page, crafted.href);
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/dashboard$/);

  // Anonymous deep link: sign-in remembers where you were going.
  const other = await browser.newContext();
  const visitor = await other.newPage();
  await visitor.goto('/dashboard/analytics?campaign=x');
  await expect(visitor).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard%2Fanalytics%3Fcampaign%3Dx$/);
  const deep = await requestSignInLink(other, email, '/dashboard/analytics?campaign=x');
  await openSignInLink(visitor, deep);
  await expect(visitor).toHaveURL(/\/dashboard\/analytics\?campaign=x$/);
  await other.close();
});

test('a magic link works only once', async ({ browser, page }) => {
  const email = await newStaffMember(browser, 'viewer', 'once');
  const link = await requestSignInLink(page.context(), email);
  await openSignInLink(page, link);
  await expect(page).toHaveURL(/\/dashboard$/);

  const other = await browser.newContext();
  const thief = await other.newPage();
  await thief.goto(link);
  await expect(thief.getByRole('heading', { level: 1 })).toHaveText('That sign-in link no longer works');
  await expect(thief.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  const res = await thief.goto('/dashboard');
  expect(new URL(thief.url()).pathname).toBe('/sign-in');
  expect(res?.status()).toBe(200);
  await other.close();
});

test('revoking a colleague ends their session at once; restoring lets them back in', async ({ browser, staffPage }) => {
  const email = await newStaffMember(browser, 'editor', 'revoked');
  const context = await browser.newContext();
  const colleague = await context.newPage();
  await signInAs(colleague, email);
  await expect(colleague.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

  const page = await staffPage('owner');
  await page.goto('/dashboard/team');
  await teamRow(page, email).getByRole('button', { name: 'Revoke access' }).click();
  await expect(teamRow(page, email)).toContainText('Revoked');
  await expect(teamRow(page, email).getByRole('button', { name: 'Restore access' })).toBeVisible();

  await colleague.goto('/dashboard');
  await expect(colleague).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/);
  // A revoked address gets the neutral answer and no new link.
  const before = (await mailTo(colleague.request, email)).length;
  await submitSignInForm(colleague, email);
  expect(await mailTo(colleague.request, email)).toHaveLength(before);

  await teamRow(page, email).getByRole('button', { name: 'Restore access' }).click();
  await expect(teamRow(page, email).getByRole('button', { name: 'Revoke access' })).toBeVisible();
  await signInAs(colleague, email);
  await context.close();
});

test('signing out ends the session', async ({ browser, page }) => {
  const email = await newStaffMember(browser, 'analyst', 'signout');
  await signInAs(page, email);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
  await expect(page.getByRole('status')).toHaveText('You have signed out.');
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/);
});

test('the team page changes roles and shows field errors, without JavaScript too', async ({ browser }) => {
  const email = await newStaffMember(browser, 'viewer', 'rolechange');
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: authFile('owner') });
  const owner = await context.newPage();
  await owner.goto('/dashboard/team');
  const row = teamRow(owner, email);
  await row.getByLabel('Access level').selectOption({ label: 'Analyst' });
  await row.getByRole('button', { name: 'Update' }).click();
  await expect(teamRow(owner, email).getByLabel('Access level')).toHaveValue('analyst');

  await owner.getByLabel('Email', { exact: true }).fill('not an address');
  await owner.getByRole('button', { name: 'Send invite' }).click();
  const field = owner.getByLabel('Email', { exact: true });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/Enter an email address/);
  await expect(field).toHaveValue('not an address');
  await context.close();
});

test('sign-in, check-your-inbox, dashboard and team pages have no axe violations', async ({ page, staffPage }) => {
  await page.goto('/sign-in');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByLabel('Work email')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await page.goto('/check-your-inbox');
  await expectNoAxeViolations(page);
  const owner = await staffPage('owner');
  await owner.goto('/dashboard');
  await expect(owner.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expectNoAxeViolations(owner);
  await owner.goto('/dashboard/team');
  await expect(owner.getByRole('table', { name: /Staff/ })).toBeVisible();
  await expectNoAxeViolations(owner);
});
