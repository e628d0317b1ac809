import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/staff';
import { uniqueEmail } from './support/unique';

// Staff senators pages: an office address for letter delivery (on the senator's page), a stance and
// the whip count (on the board). On Vermont's senators, whom no other spec reads: letters.spec.ts
// expects Illinois without an office.

const SANDERS = /Sanders/;

test('staff set an office delivery address, record a stance and see the whip count move', async ({ staffPage }) => {
  test.setTimeout(90_000);
  const page = await staffPage('owner');
  await page.goto('/dashboard/senators');
  await expect(page.getByRole('heading', { level: 1, name: 'Senators' })).toBeVisible();

  // Narrow the roster to Vermont with the (plain GET) filters.
  await page.getByLabel('State', { exact: true }).selectOption({ label: 'Vermont' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/state=VT/);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);

  // Where letters go: shown on the board, changed on the senator's page (the board links to it).
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: SANDERS }) });
  await row.getByRole('link', { name: /Change where letters to .*Sanders go/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: SANDERS })).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard\/senators\/S000033\?treaty=.+#delivery$/);

  // Delivery email: Enter saves; the value survives a reload.
  const office = uniqueEmail('sanders-office');
  const email = page.getByLabel(/Delivery email for .*Sanders/);
  await email.fill(office);
  await email.press('Enter');
  await expect(page.getByText('Saved: letters go to this address.')).toBeVisible();
  await expect(email).toHaveValue(office);
  await page.reload();
  await expect(page.getByLabel(/Delivery email for .*Sanders/)).toHaveValue(office);
  await expect(page.getByRole('heading', { name: 'Letters to this office go to: Office email' })).toBeVisible();

  // A malformed address is refused with a message tied to the field.
  await page.getByLabel(/Delivery email for .*Sanders/).fill('not-an-address');
  await page.getByRole('button', { name: /Save delivery email for .*Sanders/ }).click();
  await expect(page.getByText(/Enter an email address, like foreign.affairs/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/Delivery email for .*Sanders/)).toHaveValue(office);
  await expectNoAxeViolations(page);

  // Back on the board, Vermont only: the office address is where his letters go.
  await page.goto('/dashboard/senators?state=VT');
  await expect(page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: SANDERS }) })).toContainText(office);

  // Stance: undecided first (a known baseline), then champion adds one yes vote toward 67.
  const bar = page.getByRole('progressbar', { name: 'Yes votes toward the 67 needed' });
  await expect(bar).toHaveAttribute('aria-valuemax', '67');
  const stance = page.getByLabel(/Stance of .*Sanders/);
  await stance.selectOption({ label: 'Undecided' });
  await page.getByRole('button', { name: /Save position of .*Sanders/ }).click();
  await expect(page.getByText(/Position saved\.|No change\./)).toBeVisible();
  await page.reload();
  const before = Number(await bar.getAttribute('aria-valuenow'));

  await page.getByLabel(/Stance of .*Sanders/).selectOption({ label: 'Champion' });
  await page.getByLabel(/Note on .*Sanders/).fill('Spoke for it on the floor.');
  await page.getByLabel(/Source for .*Sanders/).fill('https://www.congress.gov/congressional-record');
  await page.getByRole('button', { name: /Save position of .*Sanders/ }).click();
  await expect(page.getByText('Position saved.')).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', String(before + 1));
  await expect(page.getByText(`${before + 1} of 67 votes needed for consent`)).toBeVisible();

  // The stance filter finds him; the page passes the accessibility checks.
  await page.getByLabel('Stance', { exact: true }).selectOption({ label: 'Champion' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('rowheader', { name: SANDERS })).toBeVisible();
  await expectNoAxeViolations(page);
});
