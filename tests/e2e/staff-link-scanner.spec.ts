import AxeBuilder from '@axe-core/playwright';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { OWNER_EMAIL, requestSignInLink } from './support/staff';

// Mail scanners (Outlook Safe Links and the like) fetch every link in a message before the person
// reads it. A sign-in link must survive that: opening it shows a button; only the button's POST
// signs in (issue 7).

test('a sign-in link opened by a scanner still signs the staff member in when they click', async ({ page, baseURL }) => {
  const link = await requestSignInLink(page.context(), OWNER_EMAIL);
  expect(new URL(link).pathname).toBe('/sign-in/link');
  const token = new URL(link).searchParams.get('token')!;

  // The scanner: no cookies, follows redirects, opens the link — and Auth.js's own callback URL too.
  const scanner = await playwrightRequest.newContext({ baseURL });
  const scanned = await scanner.get(link);
  expect(scanned.status()).toBe(200);
  expect(await scanned.text()).toContain('Sign in');
  const callback = new URL('/api/auth/callback/email', baseURL);
  callback.search = new URL(link).search;
  const direct = await scanner.get(callback.href, { maxRedirects: 0 });
  expect(direct.status()).toBe(303);
  expect(direct.headers()['location']).toMatch(/^\/sign-in\/link\?/);
  expect(direct.headers()['set-cookie'] ?? '').not.toMatch(/session-token/);
  expect((await scanner.storageState()).cookies.filter((c) => /session-token/.test(c.name))).toEqual([]);
  await scanner.dispose();

  // The person opens the same link and clicks.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByText(OWNER_EMAIL)).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('banner')).toContainText(OWNER_EMAIL);

  // Spent: opening it again explains, and offers no button.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('That sign-in link no longer works');
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  expect(token).toMatch(/^[a-f0-9]{64}$/);
});
