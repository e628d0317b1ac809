import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const CAMPAIGN_SLUG = 'protect-children-protocol';
export const CAMPAIGN_PATH = `/c/${CAMPAIGN_SLUG}`;

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
let seq = 0;

/** A fresh address per call, so tests never share a signer (or a per-email rate limit). */
export function uniqueEmail(tag: string): string {
  return `${tag}.${run}.${++seq}@e2e.ratify.test`;
}

/**
 * A client address of its own for this test (TRUST_PROXY=1 in e2e), so per-IP limits of one test
 * never trip another. Applies to navigations, form posts and fetches from the page.
 */
export function uniqueIp(): string {
  const n = Math.floor(Math.random() * 2 ** 24);
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export async function useOwnIp(page: Page): Promise<string> {
  const ip = uniqueIp();
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': ip });
  return ip;
}

// The form refuses submissions faster than FORM_MIN_FILL_SECONDS (1 s in e2e, set by the lead in
// playwright.config.ts). This is the one wait the tests allow themselves.
const MIN_FILL_MS = Number(process.env.FORM_MIN_FILL_SECONDS ?? 1) * 1000 + 150;

export type Signer = { firstName: string; lastName: string; email: string; zip: string; comment?: string; optIn?: boolean };

export function signer(tag: string, over: Partial<Signer> = {}): Signer {
  return { firstName: 'Alex', lastName: 'Rivera', email: uniqueEmail(tag), zip: '20002', ...over };
}

/** Open the campaign page and note when, for the minimum fill time. */
export async function openCampaign(page: Page, query = ''): Promise<number> {
  const res = await page.goto(`${CAMPAIGN_PATH}${query}`);
  expect(res?.status()).toBe(200);
  return Date.now();
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

export async function submitPetition(page: Page, openedAt: number) {
  const wait = openedAt + MIN_FILL_MS - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  await page.getByRole('button', { name: 'Sign the petition' }).click();
}

/** Fill and submit in one go, then wait for the thank-you heading; returns the count it shows. */
export async function signOnPage(page: Page, s: Signer, openedAt: number): Promise<number> {
  await fillPetition(page, s);
  await submitPetition(page, openedAt);
  const heading = page.getByRole('heading', { level: 2, name: /Thank you|already signed/ });
  await expect(heading).toBeVisible();
  return shownCount(page);
}

/** The count on the (first) progress bar. */
export async function shownCount(page: Page): Promise<number> {
  const bar = page.getByRole('progressbar').first();
  return Number(await bar.getAttribute('aria-valuenow'));
}

export type MailboxMessage = { to: string; template: string; subject: string; text: string; props: Record<string, unknown> };

/** The newest message of `template` to `to` in the dev mailbox (the outbox drains every 250 ms in e2e). */
export async function readMail(request: APIRequestContext, to: string, template: string): Promise<MailboxMessage> {
  let found: MailboxMessage | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`/dev/mailbox.json?to=${encodeURIComponent(to)}`);
        const body = (await res.json()) as { messages: MailboxMessage[] };
        found = body.messages.find((m) => m.template === template);
        return Boolean(found);
      },
      { message: `a ${template} email to ${to}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

/** Path part of an absolute link from an email (the app's own origin). */
export function pathOf(url: unknown): string {
  const u = new URL(String(url));
  return `${u.pathname}${u.search}`;
}

/** POST to the public JSON signing API. */
export function signViaApi(request: APIRequestContext, s: Signer, ip: string) {
  return request.post(`/api/campaigns/${CAMPAIGN_SLUG}/signatures`, {
    data: s,
    headers: { 'x-forwarded-for': ip },
  });
}
