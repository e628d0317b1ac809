import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { CAMPAIGN_PATH } from './support/public';
import { withOwnIp } from './support/unique';

// The JSON lookup API on its own (field errors, 429) is tested against its route handler in
// tests/integration/senators-lookup-api.test.ts; here, the page that uses it.

const WRITE = `${CAMPAIGN_PATH}/write`;

const zipField = (page: Page) => page.getByRole('textbox', { name: 'Your ZIP code' });

async function findByZip(page: Page, zip: string) {
  await zipField(page).fill(zip);
  await page.getByRole('button', { name: 'Find my senators' }).click();
}

async function pickState(page: Page, name: string) {
  await page.getByLabel(/choose your state/i).selectOption({ label: name });
  await page.getByRole('button', { name: 'Show senators' }).click();
}

/** What every lookup should show for Illinois (Springfield, 62701). */
async function expectIllinois(page: Page) {
  await expect(page.getByRole('heading', { name: 'Your senators for Illinois' })).toBeVisible();
  const durbin = page.getByRole('article', { name: 'Senator Richard J. Durbin', exact: true });
  const duckworth = page.getByRole('article', { name: 'Senator Tammy Duckworth', exact: true });
  await expect(durbin).toContainText('Democrat · IL · Senior senator');
  await expect(duckworth).toContainText('Junior senator');
  await expect(durbin.getByRole('link', { name: '202-224-2152' })).toHaveAttribute('href', 'tel:+12022242152');
  await expect(durbin).toContainText('711 Hart Senate Office Building');
  await expect(durbin.getByRole('link', { name: /durbin\.senate\.gov/ })).toBeVisible();
  await expect(durbin.getByRole('link', { name: /Write to Senator Durbin on their website/ })).toHaveAttribute(
    'href',
    'https://www.durbin.senate.gov/contact/',
  );
  // Duckworth sits on Foreign Relations; Durbin does not.
  await expect(duckworth.getByText(/^Foreign Relations Committee/)).toBeVisible();
  await expect(durbin.getByText(/Foreign Relations Committee/)).toHaveCount(0);
}

for (const js of [true, false]) {
  test.describe(js ? 'senator lookup with JavaScript' : 'senator lookup without JavaScript', () => {
    test.use({ javaScriptEnabled: js });

    test.beforeEach(async ({ page }) => {
      await withOwnIp(page);
      const res = await page.goto(WRITE);
      expect(res?.status()).toBe(200);
      if (js) await page.evaluate(() => ((window as unknown as { __lookupMarker: number }).__lookupMarker = 42));
    });

    // With JS the page must never reload: the marker set before the lookups is still there.
    test.afterEach(async ({ page }) => {
      if (js) expect(await page.evaluate(() => (window as unknown as { __lookupMarker?: number }).__lookupMarker)).toBe(42);
    });

    test('a ZIP and a ZIP+4 find the two senators, with the Foreign Relations badge', async ({ page }) => {
      await findByZip(page, '62701');
      await expectIllinois(page);
      await expect(page).toHaveURL(/\/write\?zip=62701$/);
      await findByZip(page, '62701-1234');
      await expectIllinois(page);
      await expect(page).toHaveURL(/\?zip=62701-1234$/);
      await expect(page.getByRole('heading', { name: 'Write your letter' })).toBeVisible();
    });

    test('a ZIP across a state line asks which state, then shows its senators and the other', async ({ page }) => {
      await findByZip(page, '42223');
      await expect(page.getByRole('heading', { name: /42223 crosses a state line/ })).toBeVisible();
      await page.getByRole('link', { name: 'I live in Tennessee' }).click();
      await expect(page.getByRole('heading', { name: 'Your senators for Tennessee' })).toBeVisible();
      await expect(page).toHaveURL(/zip=42223&state=TN/);
      await expect(page.getByRole('article', { name: /^Senator .*Hagerty$/ }).getByText(/Foreign Relations Committee/).first()).toBeVisible();
      await page.getByRole('link', { name: 'Kentucky' }).click();
      await expect(page.getByRole('heading', { name: 'Your senators for Kentucky' })).toBeVisible();
    });

    test('DC and the territories are told they have no voting senators, and pointed to the petition', async ({ page }) => {
      await findByZip(page, '20001');
      await expect(page.getByRole('heading', { name: 'District of Columbia has no voting senators' })).toBeVisible();
      await expect(page.getByText(/elect a Delegate to the House/)).toBeVisible();
      await expect(page.getByRole('link', { name: 'Sign the petition instead' })).toHaveAttribute('href', CAMPAIGN_PATH);
      await expect(page.getByRole('heading', { name: 'Write your letter' })).toHaveCount(0);
      await findByZip(page, '00901');
      await expect(page.getByRole('heading', { name: 'Puerto Rico has no voting senators' })).toBeVisible();
      await expect(page.getByText(/Resident Commissioner/)).toBeVisible();
      await pickState(page, 'Guam');
      await expect(page.getByRole('heading', { name: 'Guam has no voting senators' })).toBeVisible();
    });

    test('an unknown or malformed ZIP gets a message on the field, which keeps what was typed', async ({ page }) => {
      await findByZip(page, '99999');
      await expect(zipField(page)).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByText('We could not find ZIP code 99999. Check it, or choose your state below.')).toBeVisible();
      await expect(zipField(page)).toHaveValue('99999');
      await findByZip(page, '12a45');
      await expect(page.getByText('Enter a 5-digit ZIP code, like 20500 or 20500-0001')).toBeVisible();
      await expect(zipField(page)).toHaveValue('12a45');
      await expect(page.getByRole('heading', { name: /Your senators/ })).toHaveCount(0);
      if (js) await expect(zipField(page)).toBeFocused();
    });

    test('“Not your state?” switches to another state', async ({ page }) => {
      await findByZip(page, '62701');
      await expectIllinois(page);
      await pickState(page, 'Idaho');
      await expect(page.getByRole('heading', { name: 'Your senators for Idaho' })).toBeVisible();
      await expect(page).toHaveURL(/\/write\?state=ID$/);
      await expect(page.getByRole('article', { name: 'Senator James E. Risch', exact: true }).getByText('Foreign Relations Committee — Chairman')).toBeVisible();
      await expect(page.getByRole('article', { name: 'Senator Richard J. Durbin', exact: true })).toHaveCount(0);
    });
  });
}

test('the lookup page passes axe, before and after a lookup', async ({ page }) => {
  await withOwnIp(page);
  await page.goto(WRITE);
  await expectNoAxeViolations(page);
  await findByZip(page, '62701');
  await expectIllinois(page);
  await expectNoAxeViolations(page);
  await findByZip(page, '99999');
  await expect(zipField(page)).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
});
