import { expect } from '@playwright/test';
import { readMail, pathOf } from './support/mailbox';
import { CAMPAIGN_TITLE, forbidDialogs, openCampaign, signOnPage, signer } from './support/public';
import { test } from './support/staff';
import { uniqueEmail, withOwnIp } from './support/unique';
import { postResendEvent } from './support/webhook';

// Delivery, end to end: an office address bounces and the writer is told; staff send an update and a
// recipient leaves in one click. (CWC acceptance needs a server started with the CWC settings and a
// fake SOAPBox: tests/e2e/cwc-delivery.spec.ts starts its own.)
// Oregon (Wyden, Merkley): no other spec sets these offices' addresses.
const ZIP = '97201';

test('a bounce webhook turns an office letter failed, and the writer’s mail says so', async ({ page, request, staffPage }) => {
  const office = uniqueEmail('wyden-office');
  const staff = await staffPage('owner');
  await staff.goto('/dashboard/senators/W000779'); // Wyden's page: where letters to his office go
  await staff.getByLabel(/Delivery email for .*Wyden/).fill(office);
  await staff.getByLabel(/Delivery email for .*Wyden/).press('Enter');
  await expect(staff.getByText('Saved: letters go to this address.')).toBeVisible();

  await withOwnIp(page);
  forbidDialogs(page);
  const email = uniqueEmail('bounce-writer');
  await page.goto(`/c/protect-children-protocol/write?zip=${ZIP}`);
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: /Send my letter/ }) });
  await form.getByLabel('First name').fill('Rosa');
  await form.getByLabel('Last name').fill('Parks');
  await form.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: /Send my letter/ }).click();
  await page.goto(pathOf((await readMail(request, email, 'letters-confirmation')).props.confirmUrl));
  await page.getByRole('button', { name: 'Confirm and send my letters' }).click();
  await expect(page.getByText(/Queued for delivery to .*Wyden’s office by email/)).toBeVisible();

  const toOffice = await readMail(request, office, 'letter-to-senator');
  await expect.poll(async () => (await readMail(request, office, 'letter-to-senator')).providerMessageId ?? null).not.toBeNull();
  const providerId = (await readMail(request, office, 'letter-to-senator')).providerMessageId!;
  expect(toOffice.props).toMatchObject({ supporterEmail: email });
  const res = await postResendEvent(request, {
    type: 'email.bounced',
    created_at: new Date().toISOString(),
    data: { email_id: providerId, to: [office], bounce: { type: 'Permanent', subType: 'General', message: 'mailbox does not exist' } },
  });
  expect(res.status()).toBe(200);

  const told = await readMail(request, email, 'letter-delivery-failed');
  expect(told.subject).toMatch(/could not be delivered/);
  expect(told.text).toMatch(/your letter was not delivered/i);
  // An unsigned copy of the same event is refused.
  expect((await request.post('/api/webhooks/resend', { data: { type: 'email.bounced' } })).status()).toBe(400);
});

test('staff send an update to opted-in supporters, and a recipient unsubscribes in one click', async ({ page, request, staffPage }) => {
  await withOwnIp(page);
  const s = signer('update-fan', { optIn: true });
  await openCampaign(page);
  await signOnPage(page, s);
  await page.goto(pathOf((await readMail(request, s.email, 'signature-confirmation')).props.confirmUrl));
  await page.getByRole('button', { name: 'Confirm my signature' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your signature is confirmed' })).toBeVisible();

  const staff = await staffPage('editor');
  await staff.goto('/dashboard/campaigns');
  await staff.getByRole('link', { name: CAMPAIGN_TITLE }).first().click();
  await staff.getByRole('link', { name: 'Updates to supporters' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: /^Updates:/ })).toBeVisible();
  const subject = `Hearing news ${Date.now()}`;
  await staff.getByRole('textbox', { name: 'Subject', exact: true }).fill(subject);
  await staff.getByRole('textbox', { name: 'Update', exact: true }).fill('The **committee** will hold a hearing. [Read more](https://example.org/hearing)');
  await staff.getByRole('button', { name: 'Save draft' }).click();
  await expect(staff.getByText('Saved as a draft.', { exact: false })).toBeVisible();
  const item = staff.getByRole('listitem').filter({ has: staff.getByRole('heading', { name: subject }) });
  await item.getByRole('button', { name: /^Send to \d+ supporters$/ }).click();
  // The list re-renders with the update's new state and its progress.
  await expect(item.getByText(/^(Sending|All queued) ·/)).toBeVisible();

  const update = await readMail(request, s.email, 'campaign-update');
  expect(update.subject).toBe(subject);
  expect(update.text).toContain('You are receiving this because you signed');
  // RFC 8058: the mail client POSTs to the List-Unsubscribe URL, no cookies, no page.
  const token = pathOf(update.props.unsubscribeUrl).split('/').pop()!;
  const oneClick = await request.post(`/api/unsubscribe/${token}`, { form: { 'List-Unsubscribe': 'One-Click' } });
  expect(oneClick.status()).toBe(200);
  await page.goto(pathOf(update.props.unsubscribeUrl));
  await expect(page.getByRole('heading', { level: 1, name: 'You’re unsubscribed' })).toBeVisible();
});
