import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { uniqueEmail } from './unique';

// The supporter side: the demo campaign's page and its petition form.

export const CAMPAIGN_SLUG = 'protect-children-protocol';
export const CAMPAIGN_PATH = `/c/${CAMPAIGN_SLUG}`;
export const CAMPAIGN_TITLE = 'Ask the Senate to ratify the protocol against the sale of children'; // seed data

export type Signer = { firstName: string; lastName: string; email: string; zip: string; comment?: string; optIn?: boolean };

export function signer(tag: string, over: Partial<Signer> = {}): Signer {
  return { firstName: 'Alex', lastName: 'Rivera', email: uniqueEmail(tag), zip: '20002', ...over };
}

/** Fail the test on any dialog: hostile input must never run as script. */
export function forbidDialogs(page: Page) {
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
}

/** Open the campaign page (200 expected). */
export async function openCampaign(page: Page, query = ''): Promise<void> {
  const res = await page.goto(`${CAMPAIGN_PATH}${query}`);
  expect(res?.status()).toBe(200);
}

export async function fillPetition(page: Page, s: Partial<Signer>) {
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Sign the petition' }) });
  if (s.firstName !== undefined) await form.getByLabel('First name').fill(s.firstName);
  if (s.lastName !== undefined) await form.getByLabel('Last name').fill(s.lastName);
  if (s.email !== undefined) await form.getByLabel('Email', { exact: true }).fill(s.email);
  if (s.zip !== undefined) await form.getByLabel('ZIP code').fill(s.zip);
  if (s.comment !== undefined) await form.getByLabel('Comment (optional)').fill(s.comment);
  if (s.optIn) await form.getByLabel(/Keep me updated/).check();
}

// No waiting before a submit: the e2e server runs with FORM_MIN_FILL_SECONDS=0 (playwright.config.ts).
// The too-fast refusal itself is proven in tests/integration/security-form-guard.test.ts.
export async function submitPetition(page: Page) {
  await page.getByRole('button', { name: 'Sign the petition' }).click();
}

/** Fill and submit in one go, then wait for the thank-you heading; returns the count it shows. */
export async function signOnPage(page: Page, s: Signer): Promise<number> {
  await fillPetition(page, s);
  await submitPetition(page);
  const heading = page.getByRole('heading', { level: 2, name: /Thank you|already signed/ });
  await expect(heading).toBeVisible();
  return shownCount(page);
}

/** The count on the (first) progress bar. */
export async function shownCount(page: Page): Promise<number> {
  const bar = page.getByRole('progressbar').first();
  return Number(await bar.getAttribute('aria-valuenow'));
}

/** POST to the public JSON signing API. */
export function signViaApi(request: APIRequestContext, s: Signer, ip: string) {
  return request.post(`/api/campaigns/${CAMPAIGN_SLUG}/signatures`, {
    data: s,
    headers: { 'x-forwarded-for': ip },
  });
}
