import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openCampaign, pathOf, readMail, signOnPage, signer, useOwnIp } from './support/public';
import { OWNER_EMAIL, signInAs } from './support/staff';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('letters, outbox and audit pages render for the owner and pass axe', async ({ page }) => {
  await signInAs(page, OWNER_EMAIL);
  for (const [path, heading] of [
    ['/dashboard/letters', 'Letters'],
    ['/dashboard/letters/senators', 'Letters per senator'],
    ['/dashboard/outbox', 'Email outbox'],
    ['/dashboard/audit', 'Audit log'],
  ] as const) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectNoAxeViolations(page);
  }
  // Sign-ins are audited, and the filter narrows by action prefix.
  await page.goto('/dashboard/audit?action=auth.');
  await expect(page.getByRole('table', { name: /Audit log/ }).getByRole('rowheader').first()).toBeVisible();
});

test('a senator packet lists verified in-state signers with names and cities, and no emails', async ({ page, browser }) => {
  const s = signer('packet', { firstName: 'Pat', lastName: `Packet${run}`, zip: '94612' });
  const context = await browser.newContext();
  const signerPage = await context.newPage();
  await useOwnIp(signerPage);
  const openedAt = await openCampaign(signerPage);
  await signOnPage(signerPage, s, openedAt);
  const mail = await readMail(signerPage.request, s.email, 'signature-confirmation');
  await signerPage.goto(pathOf(mail.props.confirmUrl));
  await signerPage.getByRole('button', { name: 'Confirm my signature' }).click();
  await expect(signerPage.getByRole('heading', { level: 1, name: 'Your signature is confirmed' })).toBeVisible();
  await context.close();

  await signInAs(page, OWNER_EMAIL);
  await page.goto('/dashboard/letters/senators');
  const table = page.getByRole('table', { name: /Letters and in-state signers per senator/ });
  const row = table.getByRole('row').filter({ hasText: /–CA\)/ }).first();
  await row.getByRole('link', { name: /Packet/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /United States Senator for California/ })).toBeVisible();
  await expect(page.getByText(`Pat ${s.lastName}`)).toBeVisible();
  const packet = await page.locator('article.delivery-packet').innerText();
  expect(packet).not.toMatch(/[^\s@]+@[^\s@]+\.[a-z]{2,}/i);
  expect(await page.content()).not.toContain(s.email);
  await expectNoAxeViolations(page);

  // Printing hides the dashboard around the packet and starts the names on a new page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print packet' })).toBeHidden();
  await expect(page.getByText(`Pat ${s.lastName}`)).toBeVisible();
});
