import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { mailTo, pathOf, readMail } from './support/mailbox';
import { CAMPAIGN_PATH, forbidDialogs } from './support/public';
import { expect, test } from './support/staff';
import { uniqueEmail, uniqueIp, withOwnIp } from './support/unique';

const WRITE = `${CAMPAIGN_PATH}/write`;
const DURBIN = 'Senator Richard J. Durbin';
const DUCKWORTH = 'Senator Tammy Duckworth';

/** Open the letter form for a ZIP. */
async function openLetter(page: Page, zip = '62701'): Promise<void> {
  const res = await page.goto(`${WRITE}?zip=${zip}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Write your letter' })).toBeVisible();
}

const letterForm = (page: Page) => page.locator('form').filter({ has: page.getByRole('button', { name: /Send my letter/ }) });

async function fillDetails(page: Page, d: { firstName?: string; lastName?: string; email?: string; city?: string }) {
  const form = letterForm(page);
  if (d.firstName !== undefined) await form.getByLabel('First name').fill(d.firstName);
  if (d.lastName !== undefined) await form.getByLabel('Last name').fill(d.lastName);
  if (d.email !== undefined) await form.getByLabel('Email', { exact: true }).fill(d.email);
  if (d.city !== undefined) await form.getByLabel('City (optional)').fill(d.city);
}

// No wait before sending: FORM_MIN_FILL_SECONDS=0 in e2e (see playwright.config.ts).
async function send(page: Page) {
  await page.getByRole('button', { name: /Send my letter/ }).click();
}

const preview = (page: Page, senator: string) => page.getByRole('article', { name: `Letter to ${senator}` });

test.describe('writing to your senators', () => {
  test.beforeEach(async ({ page }) => {
    await withOwnIp(page);
    forbidDialogs(page);
  });

  test('write to both, edit once, confirm by the mailed link, see each delivery, get the receipt; a repeat is refused kindly', async ({
    page,
    request,
  }) => {
    const email = uniqueEmail('letters');
    await openLetter(page);
    await expectNoAxeViolations(page);

    // One body for both letters; each preview has its own greeting.
    const body = letterForm(page).getByLabel('Your letter');
    await body.fill(`${await body.inputValue()}\n\nP.S. I vote in every election.`);
    await fillDetails(page, { firstName: 'Grace', lastName: 'Hopper', email, city: 'Springfield' });
    await expect(preview(page, DURBIN)).toContainText('Dear Senator Durbin,');
    await expect(preview(page, DUCKWORTH)).toContainText('Dear Senator Duckworth,');
    for (const s of [DURBIN, DUCKWORTH]) {
      await expect(preview(page, s)).toContainText('P.S. I vote in every election.');
      await expect(preview(page, s)).toContainText('As your constituent in Springfield, IL');
      await expect(preview(page, s)).toContainText('Grace Hopper');
    }
    await send(page);
    await expect(page.getByRole('heading', { name: 'Check your email to confirm' })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();

    const confirmation = await readMail(request, email, 'letters-confirmation');
    const link = pathOf(confirmation.props.confirmUrl);
    expect(confirmation.text).toContain(link);
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Confirm and send your letters' })).toBeVisible();
    await expect(page.getByText(`${DURBIN} and ${DUCKWORTH}`)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Confirm and send my letters' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you — your letters are confirmed' })).toBeVisible();

    // No office address is on file in e2e, so the supporter sends each one: links and a copy box.
    for (const s of [DURBIN, DUCKWORTH]) {
      const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `To ${s}` }) });
      await expect(item).toContainText('Please send it yourself');
      await expect(item.getByRole('link', { name: 'Open in your email app' })).toHaveAttribute('href', /^mailto:\?subject=Please%20support/);
      await expect(item.getByRole('link', { name: /Open in Gmail/ })).toHaveAttribute('href', /^https:\/\/mail\.google\.com\/mail\/\?view=cm/);
      await expect(item.getByRole('link', { name: /Open in Outlook/ })).toHaveAttribute('href', /^https:\/\/outlook\.office\.com\/mail\/deeplink\/compose\?/);
      await expect(item.getByRole('link', { name: new RegExp(`Open ${s}’s contact form`) })).toHaveAttribute('href', /senate\.gov/);
      await expect(item.getByLabel(`Your letter to ${s}`)).toHaveValue(/P\.S\. I vote in every election\./);
    }
    await expectNoAxeViolations(page);

    const receipt = await readMail(request, email, 'letter-receipt');
    const letters = receipt.props.letters as { senatorName: string; channel: string; body: string }[];
    expect(letters.map((l) => [l.senatorName, l.channel])).toEqual([
      [DURBIN, 'supporter'],
      [DUCKWORTH, 'supporter'],
    ]);
    expect(letters[0].body).toMatch(/^Dear Senator Durbin,\n\nAs your constituent in Springfield, IL/);
    expect(receipt.text).toContain('P.S. I vote in every election.');

    // The link works once.
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'This link has already been used' })).toBeVisible();

    // Writing again with the same address changes nothing and says so kindly.
    await openLetter(page);
    await fillDetails(page, { firstName: 'Grace', lastName: 'Hopper', email: email.toUpperCase() });
    await send(page);
    await expect(
      page.getByRole('heading', { name: `You’ve already written to ${DURBIN} and ${DUCKWORTH} for this campaign` }),
    ).toBeVisible();
  });

  test('a second browser writing with a verified address is told to check the email, and nothing goes in that person’s name', async ({
    page,
    browser,
    request,
  }) => {
    // The owner writes and confirms in their own browser: their address is verified.
    const email = uniqueEmail('owner-letters');
    await openLetter(page);
    await fillDetails(page, { firstName: 'Grace', lastName: 'Hopper', email });
    await send(page);
    await page.goto(pathOf((await readMail(request, email, 'letters-confirmation')).props.confirmUrl));
    await page.getByRole('button', { name: 'Confirm and send my letters' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you — your letters are confirmed' })).toBeVisible();
    const count = async (template: string) => (await mailTo(request, email)).filter((m) => m.template === template).length;
    const receiptsBefore = await count('letter-receipt');

    // A stranger, in another browser, writes other words to the senators of another state with that address.
    const stranger = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
    const other = await stranger.newPage();
    await openLetter(other, '10001');
    await fillDetails(other, { firstName: 'Mallory', lastName: 'Imposter', email });
    await send(other);
    await expect(other.getByRole('heading', { name: 'Check your email to confirm' })).toBeVisible();
    await expect(other.getByText('Thank you — here is where your letters went')).toHaveCount(0);
    await stranger.close();

    // The owner receives a link for that batch, which shows its full text before anything is sent…
    await expect.poll(() => count('letters-confirmation')).toBe(2);
    // Newest first: the stranger's batch.
    const strangerLink = (await mailTo(request, email)).filter((m) => m.template === 'letters-confirmation').map((m) => pathOf(m.props.confirmUrl))[0];
    await page.goto(strangerLink);
    await expect(page.getByRole('article', { name: /Letter to Senator/ }).first()).toContainText('Mallory Imposter');
    // …and nothing was delivered in their name: no new receipt, no letter sent.
    expect(await count('letter-receipt')).toBe(receiptsBefore);
  });

  test('hostile input stays inert text, and over-long or broken fields get messages that keep what was typed', async ({ page }) => {
    const email = uniqueEmail('hostile');
    await openLetter(page);
    const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    await fillDetails(page, { firstName: script, lastName: 'Tables', email });
    await expect(preview(page, DURBIN)).toContainText(`${script} Tables`);

    const long = 'a'.repeat(10_000);
    await letterForm(page).getByLabel('Your letter').fill(long);
    // A line break in a name or subject can only arrive from a forged post: swap the field for one that allows it.
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[name="subject"]')!;
      const area = document.createElement('textarea');
      area.id = input.id;
      area.name = 'subject';
      area.value = 'Hello\r\nBcc: victim@example.org';
      input.replaceWith(area);
    });
    await send(page);
    await expect(page.getByText('Your letter can be at most 5,000 characters.')).toBeVisible();
    await expect(page.getByText('The subject must be a single line.')).toBeVisible();
    await expect(letterForm(page).getByLabel('Your letter')).toHaveValue(long);
    await expect(letterForm(page).getByLabel('First name')).toHaveValue(script);
    await expect(letterForm(page).getByLabel('Your letter')).toHaveAttribute('aria-invalid', 'true');

    await letterForm(page).getByLabel('Email', { exact: true }).fill('not an email');
    await letterForm(page).getByLabel('Your letter').fill('Short and fine.');
    await letterForm(page).getByLabel('Subject').fill('Hello');
    await page.getByRole('button', { name: /Send my letter/ }).click();
    await expect(page.getByText('Enter an email address like name@example.org.')).toBeVisible();
    await expect(letterForm(page).getByLabel('Email', { exact: true })).toBeFocused();
    await expectNoAxeViolations(page);
  });
});

test.describe('writing without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the lookup, the letter form and the confirmation all work as plain forms', async ({ page, request }) => {
    await withOwnIp(page);
    const email = uniqueEmail('nojs');
    await page.goto(WRITE);
    await page.getByRole('textbox', { name: 'Your ZIP code' }).fill('62701');
    await page.getByRole('button', { name: 'Find my senators' }).click();
    await expect(page.getByRole('heading', { name: 'Write your letter' })).toBeVisible();
    await fillDetails(page, { firstName: 'Alan', lastName: 'Turing', email });
    await send(page);
    await expect(page.getByRole('heading', { name: 'Check your email to confirm' })).toBeVisible();

    const mail = await readMail(request, email, 'letters-confirmation');
    await page.goto(pathOf(mail.props.confirmUrl));
    await page.getByRole('button', { name: 'Confirm and send my letters' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you — your letters are confirmed' })).toBeVisible();
    await expect(page.getByLabel(`Your letter to ${DURBIN}`)).toHaveValue(/^Subject: Please support/);
  });
});

// Staff set a senator's office address first. This runs after the tests above, which expect no
// office address on file (the spec's tests run in order, in one worker).
test('a letter to an office with an address on file is emailed there', async ({ page, request, staffPage }) => {
  const office = uniqueEmail('durbin-office');
  const staff = await staffPage('owner');
  await staff.goto('/dashboard/senators/D000563'); // Durbin's page: where letters to his office go
  await staff.getByLabel(/Delivery email for .*Durbin/).fill(office);
  await staff.getByLabel(/Delivery email for .*Durbin/).press('Enter');
  await expect(staff.getByText('Saved: letters go to this address.')).toBeVisible();
  await expect(staff.getByRole('heading', { name: 'Letters to this office go to: Office email' })).toBeVisible();
  await expect(staff.getByLabel(/Delivery email for .*Durbin/)).toHaveValue(office);

  await withOwnIp(page);
  const email = uniqueEmail('office');
  await openLetter(page);
  await fillDetails(page, { firstName: 'Ida', lastName: 'Wells', email });
  await send(page);
  await expect(page.getByRole('heading', { name: 'Check your email to confirm' })).toBeVisible();
  await page.goto(pathOf((await readMail(request, email, 'letters-confirmation')).props.confirmUrl));
  await page.getByRole('button', { name: 'Confirm and send my letters' }).click();
  await expect(page.getByText(`Queued for delivery to ${DURBIN}’s office by email.`, { exact: false })).toBeVisible();
  await expect(page.getByText(office)).toHaveCount(0);
  const delivered = await readMail(request, office, 'letter-to-senator');
  expect(delivered.props).toMatchObject({ supporterEmail: email, senatorName: DURBIN });
  const receipt = await readMail(request, email, 'letter-receipt');
  expect(receipt.text).not.toContain(office);
  expect(receipt.text).toContain(`Queued for delivery by email to the office of ${DURBIN}`);
});
