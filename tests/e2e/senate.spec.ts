import { expectNoAxeViolations } from './support/axe';
import { CAMPAIGN_PATH, CAMPAIGN_TITLE } from './support/public';
import { expect, test } from './support/staff';
import { withOwnIp } from './support/unique';

// The Senate: staff record stances with sources (bulk and one by one), publish the Senate page and a
// thank-you letter; supporters see the stances with the arithmetic, and a supporter whose senators
// are one supporter and one undecided gets a thank-you letter and an urging one. On Oregon's
// senators, whom no other spec reads. The Portland supporter also reports a call, which a reviewer
// turns into a stance. Only the thank-you variant is set, so the urging letter is the
// campaign's own (other specs' senators have no stance: they keep getting it too).

const WYDEN = 'Ron Wyden';
const MERKLEY = 'Jeff Merkley';

test('staff record stances and publish; the public page and the letter page follow', async ({ page, staffPage }) => {
  test.setTimeout(120_000);
  const staff = await staffPage('owner');

  // Bulk: both Oregon senators undecided, from one source.
  await staff.goto('/dashboard/senators?state=OR');
  await expect(staff.getByRole('heading', { level: 1, name: 'Senators' })).toBeVisible();
  await expect(staff.getByText('100 senators present: 67 votes needed')).toBeVisible();
  await staff.getByLabel(`Select ${WYDEN}`).check();
  await staff.getByLabel(`Select ${MERKLEY}`).check();
  await staff.getByLabel('Stance to set').selectOption({ label: 'Undecided' });
  await staff.getByLabel('Source link for all ticked').fill('https://example.org/oregon-delegation-letter');
  await staff.getByRole('button', { name: 'Set stance for ticked senators' }).click();
  await expect(staff.getByText(/Saved for 2 senators/)).toBeVisible();

  // One by one: Wyden now supports, with a source and a date.
  await staff.reload();
  await staff.getByLabel(`Stance of ${WYDEN}`).selectOption({ label: 'Supports' });
  await staff.getByLabel(`Source for ${WYDEN}’s position`).fill('https://example.org/wyden-statement');
  await staff.getByLabel(`Date ${WYDEN} stated this position`).fill('2026-11-20');
  await staff.getByRole('button', { name: `Save position of ${WYDEN}` }).click();
  await expect(staff.getByText('Position saved.')).toBeVisible();
  await expectNoAxeViolations(staff);

  // His page keeps both changes, newest first.
  await staff.getByRole('link', { name: WYDEN }).first().click();
  await expect(staff.getByRole('heading', { level: 1, name: WYDEN })).toBeVisible();
  const history = staff.getByRole('table', { name: 'Stance history, newest first' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history.getByRole('row').nth(1)).toContainText('Supports');
  await expect(history.getByRole('row').nth(2)).toContainText('Undecided');

  // The campaign: a thank-you letter, and the public Senate page.
  await staff.goto('/dashboard/campaigns');
  await staff.getByRole('link', { name: CAMPAIGN_TITLE, exact: true }).first().click();
  const thank = staff.getByRole('group', { name: /A thank-you letter/ });
  await thank.getByLabel('Subject').fill('Thank you, Senator {{senator_last_name}}');
  await thank.getByLabel('Letter').fill('Dear Senator {{senator_last_name}},\n\nThank you for supporting the {{treaty_short_name}}. Please hold firm.');
  await staff.getByRole('button', { name: 'Save letter variants' }).click();
  await expect(staff.getByText('Letter variants saved.')).toBeVisible();
  await staff.getByLabel('Publish the Senate page').check();
  await staff.getByRole('button', { name: 'Save Senate page settings' }).click();
  await expect(staff.getByText(/the Senate page is public/)).toBeVisible();

  // Public: the arithmetic, Wyden's stance with its source and date; the chart and table pass axe.
  await withOwnIp(page);
  const res = await page.goto(`${CAMPAIGN_PATH}/senate`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 2, name: '100 senators present: 67 votes needed' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Seat chart of the Senate/ })).toBeVisible();
  const wyden = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(WYDEN) }) });
  await expect(wyden).toContainText('Supports');
  await expect(wyden).toContainText('November 20, 2026');
  await expect(wyden.getByRole('link', { name: /Source/ })).toHaveAttribute('href', 'https://example.org/wyden-statement');
  await expectNoAxeViolations(page);

  // A Portland supporter: a thank-you letter to Wyden, the urging (campaign) letter to Merkley.
  await page.goto(`${CAMPAIGN_PATH}/write?zip=97201`);
  const wydenCard = page.getByRole('article', { name: `Senator ${WYDEN}` });
  await expect(wydenCard.getByTestId('public-stance')).toContainText('Supports');
  await expect(wydenCard.getByTestId('letter-variant')).toContainText('A thank-you letter');
  await expect(page.getByRole('article', { name: `Senator ${MERKLEY}` }).getByTestId('letter-variant')).toContainText('asks them to support it');
  await expect(page.getByRole('article', { name: `Letter to Senator ${WYDEN}` })).toContainText('Subject: Thank you, Senator Wyden');
  await expect(page.getByRole('article', { name: `Letter to Senator ${MERKLEY}` })).toContainText('Subject: Please support');
  await expectNoAxeViolations(page);

  // Calls: a script per senator, click-to-call links, and a plain-form report.
  await page.getByRole('link', { name: 'Prefer to call? Numbers and what to say' }).click();
  const wydenCall = page.getByRole('region', { name: `Senator ${WYDEN}` });
  await expect(wydenCall).toContainText('thank Senator Wyden');
  await expect(wydenCall.getByRole('link').first()).toHaveAttribute('href', /^tel:\+1\d{10}$/);
  await expectNoAxeViolations(page);
  const merkleyCall = page.getByRole('region', { name: `Senator ${MERKLEY}` });
  await merkleyCall.getByLabel('I spoke to a staff member').check();
  await merkleyCall.getByLabel('The senator supports it').check();
  await merkleyCall.getByRole('button', { name: 'Send my report' }).click();
  await expect(page.getByText(`Thank you: your report on Senator ${MERKLEY} is in.`)).toBeVisible();

  // A reviewer turns the report into Merkley's stance; his history names the report as its source.
  await staff.goto('/dashboard/senators/calls');
  await staff.getByRole('button', { name: `Record as stance of ${MERKLEY}` }).click();
  await expect(staff.getByText(/^Stance recorded from the call\./)).toBeVisible();
  await expect(staff.getByRole('button', { name: `Record as stance of ${MERKLEY}` })).toHaveCount(0);
  await staff.goto('/dashboard/senators?state=OR');
  await staff.getByRole('link', { name: MERKLEY }).first().click();
  await expect(staff.getByRole('heading', { level: 2, name: /now: Supports/ })).toBeVisible();
  await expect(staff.getByRole('table', { name: 'Stance history, newest first' }).getByRole('row').nth(1)).toContainText('A supporter’s call report');
});
