import { expectNoAxeViolations } from './support/axe';
import { pathOf, readMail } from './support/mailbox';
import { openCampaign, signOnPage, signer } from './support/public';
import { expect, test } from './support/staff';
import { RUN, withOwnIp } from './support/unique';

// One test per page: four pages with axe each outgrew one test's time on a busy machine.
for (const [path, heading] of [
  ['/dashboard/letters', 'Letters'],
  ['/dashboard/letters/senators', 'Letters per senator'],
  ['/dashboard/outbox', 'Email outbox'],
  ['/dashboard/audit', 'Audit log'],
] as const) {
  test(`${path} renders for the owner and passes axe`, async ({ staffPage }) => {
    const page = await staffPage('owner');
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('the audit log lists sign-ins, and its filter narrows by action prefix', async ({ staffPage }) => {
  const page = await staffPage('owner');
  await page.goto('/dashboard/audit?action=auth.');
  await expect(page.getByRole('table', { name: /Audit log/ }).getByRole('rowheader').first()).toBeVisible();
});

test('a senator packet lists verified in-state signers with names and cities, and no emails', async ({ staffPage, browser }) => {
  const s = signer('packet', { firstName: 'Pat', lastName: `Packet${RUN}`, zip: '94612' });
  const context = await browser.newContext();
  const signerPage = await context.newPage();
  await withOwnIp(signerPage);
  await openCampaign(signerPage);
  await signOnPage(signerPage, s);
  const mail = await readMail(signerPage.request, s.email, 'signature-confirmation');
  await signerPage.goto(pathOf(mail.props.confirmUrl));
  await signerPage.getByRole('button', { name: 'Confirm my signature' }).click();
  await expect(signerPage.getByRole('heading', { level: 1, name: 'Your signature is confirmed' })).toBeVisible();
  await context.close();

  const page = await staffPage('owner');
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
