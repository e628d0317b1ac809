import { createHmac, randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { CAMPAIGN_PATH, CAMPAIGN_SLUG, fillPetition, signer } from './support/public';
import { uniqueEmail, withOwnIp as useOwnIp } from './support/unique';

// A page rendered against another database: its form token is signed with that database's salt
// (a page cached before `rm -rf .data`, or a tab left open across a database change). The first
// press is refused; the answer brings a fresh token and what was typed, and one more press sends.

const MIN_FILL_MS = 1_200; // FORM_MIN_FILL_SECONDS is 1 in e2e
const REFUSED = 'Something went wrong sending the form. Please try again.';

/** Serve `path` as the server renders it, but with its form token re-signed by another database's salt. */
async function renderedAgainstAnotherDatabase(page: Page, path: string) {
  const salt = randomBytes(32).toString('base64url');
  await page.route(
    (url) => url.pathname === path.split('?')[0],
    async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const res = await route.fetch();
      const html = await res.text();
      const token = /name="form_started" value="([^"]+)"/.exec(html)?.[1];
      if (!token) throw new Error(`no form token in ${path}`);
      const ts = String(Date.now() - 60_000);
      const forged = `${ts}.${createHmac('sha256', salt).update(`form-guard:${ts}`).digest('base64url')}`;
      // Everywhere: the hidden field and the props the page hydrates with.
      await route.fulfill({ response: res, body: html.split(token).join(forged) });
    },
  );
}

async function pressAfterMinimum(page: Page, openedAt: number, button: RegExp | string) {
  const wait = openedAt + MIN_FILL_MS - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  await page.getByRole('button', { name: button }).click();
}

test.describe('a form from a page rendered against another database', () => {
  test('with JS and no view beacon: refused once, the values kept, one more press signs', async ({ page }) => {
    await useOwnIp(page);
    await renderedAgainstAnotherDatabase(page, CAMPAIGN_PATH);
    // The beacon would bring a good token at once; without it the page's stale token is used.
    await page.route(`**/api/campaigns/${CAMPAIGN_SLUG}/views`, (route) => route.abort());
    await page.goto(CAMPAIGN_PATH);
    const openedAt = Date.now();
    const s = signer('stale-js');
    await fillPetition(page, s);
    await pressAfterMinimum(page, openedAt, 'Sign the petition');
    await expect(page.getByRole('alert').filter({ hasText: REFUSED })).toBeVisible();
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue(s.email);

    // At once: the panel holds the press until the fresh token is old enough, then sends it.
    await page.getByRole('button', { name: 'Sign the petition' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Thank you, Alex!' })).toBeVisible();
  });

  test('with JS and the view beacon: the beacon’s token replaces the stale one, the first press signs', async ({ page }) => {
    await useOwnIp(page);
    await renderedAgainstAnotherDatabase(page, CAMPAIGN_PATH);
    const beacon = page.waitForResponse((r) => r.url().endsWith(`/api/campaigns/${CAMPAIGN_SLUG}/views`));
    await page.goto(CAMPAIGN_PATH);
    await beacon;
    const openedAt = Date.now();
    await fillPetition(page, signer('stale-beacon'));
    await pressAfterMinimum(page, openedAt, 'Sign the petition');
    await expect(page.getByRole('heading', { level: 2, name: 'Thank you, Alex!' })).toBeVisible();
  });

  test('without JS: refused once with the values kept, the next press signs', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await useOwnIp(page);
    await renderedAgainstAnotherDatabase(page, CAMPAIGN_PATH);
    await page.goto(CAMPAIGN_PATH);
    let openedAt = Date.now();
    const s = signer('stale-nojs');
    await fillPetition(page, s);
    await pressAfterMinimum(page, openedAt, 'Sign the petition');
    await expect(page.getByText(REFUSED)).toBeVisible();
    openedAt = Date.now();
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue(s.email);
    await pressAfterMinimum(page, openedAt, 'Sign the petition');
    await expect(page.getByRole('heading', { level: 2, name: 'Thank you, Alex!' })).toBeVisible();
    await context.close();
  });

  test('the letter form: refused once, the letter kept, one more press sends it', async ({ page }) => {
    await useOwnIp(page);
    const path = `/c/${CAMPAIGN_SLUG}/write?zip=62701`;
    await renderedAgainstAnotherDatabase(page, path);
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'Write your letter' })).toBeVisible();
    const openedAt = Date.now();
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: /Send my letter/ }) });
    const body = form.getByLabel('Your letter');
    await body.fill(`${await body.inputValue()}\n\nP.S. Sent from a page that was out of date.`);
    await form.getByLabel('First name').fill('Grace');
    await form.getByLabel('Last name').fill('Hopper');
    await form.getByLabel('Email', { exact: true }).fill(uniqueEmail('stale-letter'));
    await pressAfterMinimum(page, openedAt, /Send my letter/);
    await expect(page.getByRole('alert').filter({ hasText: REFUSED })).toBeVisible();
    await expect(form.getByLabel('Your letter')).toHaveValue(/P\.S\. Sent from a page that was out of date\./);

    await page.getByRole('button', { name: /Send my letter/ }).click();
    await expect(page.getByRole('heading', { name: 'Check your email to confirm' })).toBeVisible();
  });
});
