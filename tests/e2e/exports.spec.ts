import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expectNoAxeViolations } from './support/axe';
import { CAMPAIGN_TITLE, openCampaign, signOnPage, signer } from './support/public';
import { expect, test } from './support/staff';
import { withOwnIp } from './support/unique';

const CRM_HEADER = ['First name', 'Last name', 'Email', 'ZIP', 'State', 'Verified', 'Opted in', 'Source', 'Signed at (UTC)'];
const HOSTILE = '=HYPERLINK("http://x")';

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
  test('an analyst downloads both presets with the right rows, and formulas come out neutralised', async ({ browser, staffPage }) => {
    // Two signers through the public form, sharing a unique last name to filter on.
    const tag = `Exp${Date.now().toString(36)}`;
    const publicContext = await browser.newContext();
    const visitor = await publicContext.newPage();
    await withOwnIp(visitor);
    const hostile = signer('export-hostile', { firstName: HOSTILE, lastName: tag });
    await openCampaign(visitor);
    await signOnPage(visitor, hostile);
    await withOwnIp(visitor);
    const plain = signer('export-plain', { firstName: 'Grace', lastName: tag, zip: '10001' });
    await openCampaign(visitor);
    await signOnPage(visitor, plain);
    await publicContext.close();

    const page = await staffPage('analyst', { fresh: true }); // the recent-exports list is the member's own
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
  });

  test('an editor gets 403 on the page and the route; nobody signed in gets 401', async ({ staffPage, playwright, baseURL }) => {
    const page = await staffPage('editor');
    const res = await page.goto('/dashboard/exports');
    expect(res?.status()).toBe(403);
    const api = await page.request.get('/api/exports/signers?preset=crm');
    expect(api.status()).toBe(403);

    const anonymous = await playwright.request.newContext({ baseURL });
    expect((await anonymous.get('/api/exports/signers?preset=crm', { maxRedirects: 0 })).status()).toBe(401);
    await anonymous.dispose();
  });
});
