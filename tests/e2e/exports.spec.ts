import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Download, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { openCampaign, signOnPage, signer, useOwnIp } from './support/public';
import { inviteStaffMember, OWNER_EMAIL, signInAs, uniqueStaffEmail } from './support/staff';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const CRM_HEADER = ['First name', 'Last name', 'Email', 'ZIP', 'State', 'Verified', 'Opted in', 'Source', 'Signed at (UTC)'];
const HOSTILE = '=HYPERLINK("http://x")';
const CAMPAIGN_TITLE = 'Ask the Senate to ratify the protocol against the sale of children'; // seed data

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The owner invites a new staff member with `role` at /dashboard/team; returns a signed-in page for them. */
async function staffPage(browser: Browser, role: 'Analyst' | 'Editor', tag: string): Promise<Page> {
  const email = uniqueStaffEmail(tag);
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signInAs(owner, OWNER_EMAIL);
  await inviteStaffMember(owner, email, role);
  await ownerContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email);
  return page;
}

async function csvOf(download: Download): Promise<{ raw: Buffer; header: string[]; rows: Record<string, string>[] }> {
  const raw = fs.readFileSync((await download.path())!);
  const [header, ...body] = parse(raw, { bom: true }) as string[][];
  return { raw, header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

async function download(page: Page, preset: 'CRM' | 'Delivery', search: string): Promise<Download> {
  await page.goto('/dashboard/exports');
  await page.getByLabel('Campaign').selectOption({ label: CAMPAIGN_TITLE });
  await page.getByRole('radio', { name: new RegExp(`^${preset}`) }).check();
  await page.getByLabel('Name or email contains').fill(search);
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  return downloaded;
}

test.describe('signer exports', () => {
  test('an analyst downloads both presets with the right rows, and formulas come out neutralised', async ({ browser }) => {
    // Two signers through the public form, sharing a unique last name to filter on.
    const tag = `Exp${Date.now().toString(36)}`;
    const publicContext = await browser.newContext();
    const visitor = await publicContext.newPage();
    await useOwnIp(visitor);
    const hostile = signer('export-hostile', { firstName: HOSTILE, lastName: tag });
    await signOnPage(visitor, hostile, await openCampaign(visitor));
    await useOwnIp(visitor);
    const plain = signer('export-plain', { firstName: 'Grace', lastName: tag, zip: '10001' });
    await signOnPage(visitor, plain, await openCampaign(visitor));
    await publicContext.close();

    const page = await staffPage(browser, 'Analyst', 'analyst');
    await page.goto('/dashboard/exports');
    await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeVisible();
    await expectNoAxeViolations(page);

    const crmDownload = await download(page, 'CRM', tag);
    expect(crmDownload.suggestedFilename()).toMatch(/^protect-children-protocol-signers-\d{4}-\d{2}-\d{2}\.csv$/);
    const crm = await csvOf(crmDownload);
    expect([...crm.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(crm.header).toEqual(CRM_HEADER);
    expect(crm.rows).toHaveLength(2);
    const byEmail = new Map(crm.rows.map((r) => [r.Email, r]));
    expect(byEmail.get(hostile.email)).toMatchObject({ 'First name': `'${HOSTILE}`, 'Last name': tag, ZIP: '20002', State: 'DC', Verified: 'no' });
    expect(byEmail.get(plain.email)).toMatchObject({ 'First name': 'Grace', 'Last name': tag, ZIP: '10001', State: 'NY' });

    const delivery = await csvOf(await download(page, 'Delivery', tag));
    expect(delivery.header).toEqual(['Full name', 'City', 'State']);
    expect(delivery.rows.map((r) => r['Full name']).sort()).toEqual([`'${HOSTILE} ${tag}`, `Grace ${tag}`].sort());
    expect(delivery.raw.toString('utf8')).not.toContain('@');

    // Both downloads are listed from the audit log.
    await page.goto('/dashboard/exports');
    const recent = page.getByRole('table', { name: /recent exports/i });
    await expect(recent.getByRole('row')).toHaveCount(3);
    await expect(recent.getByRole('cell', { name: 'Delivery' })).toBeVisible();
    await expect(recent.getByRole('cell', { name: 'CRM' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  test('an editor gets 403 on the page and the route; nobody signed in gets 401', async ({ browser, playwright, baseURL }) => {
    const page = await staffPage(browser, 'Editor', 'editor');
    const res = await page.goto('/dashboard/exports');
    expect(res?.status()).toBe(403);
    const api = await page.request.get('/api/exports/signers?preset=crm');
    expect(api.status()).toBe(403);
    await page.context().close();

    const anonymous = await playwright.request.newContext({ baseURL });
    expect((await anonymous.get('/api/exports/signers?preset=crm', { maxRedirects: 0 })).status()).toBe(401);
    await anonymous.dispose();
  });
});
