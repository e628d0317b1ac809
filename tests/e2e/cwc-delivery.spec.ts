import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startFakeSoapbox, type FakeSoapbox } from '../support/fake-soapbox';
import { clusterEnv, dropDatabase, freshDatabase, startServer } from './support/cluster';
import { pathOf, readMail } from './support/mailbox';
import { CAMPAIGN_PATH, forbidDialogs } from './support/public';
import { OWNER_EMAIL, openSignInLink, requestSignInLink } from './support/staff';
import { uniqueEmail, withOwnIp } from './support/unique';

// The Senate's own channel, end to end: a supporter writes, confirms by the mailed link, the drainer
// files each letter with the (fake) Senate's CWC service, and the staff ledger shows its answer.
// The e2e server runs without CWC (other specs use the letter form without a street address), so
// this spec starts a server of its own from the same build, on a database of its own (PostgreSQL
// with E2E_DATABASE_URL or TEST_DATABASE_URL, else PGlite in a temporary folder), with the CWC
// settings pointing at a fake SOAPBox in this process (tests/support/fake-soapbox.ts), which checks
// every message against the CWC schema and answers as the service does.

test.describe.configure({ mode: 'serial' });

const port = Number(process.env.E2E_PORT ?? 3100) + 50; // its own port (playwright.config.ts: specs run side by side)
let fake: FakeSoapbox;
let server: Awaited<ReturnType<typeof startServer>>;
let databaseUrl: string | null = null;
let pgliteDir: string | null = null;
let staff: { context: BrowserContext; page: Page };

test.beforeAll(async ({ browser }) => {
  // A cold production server (migrations, seed, roster import) beside the e2e one on 2 cores.
  test.setTimeout(180_000);
  fake = await startFakeSoapbox();
  databaseUrl = await freshDatabase('cwc');
  if (!databaseUrl) pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ratify-e2e-cwc-'));
  server = await startServer(port, {
    ...clusterEnv(OWNER_EMAIL),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: undefined, PGLITE_DATA_DIR: pgliteDir! }),
    TRUST_PROXY: '1',
    FORM_MIN_FILL_SECONDS: '0',
    DEMO_DATA: '0',
    CWC_API_KEY: fake.apiKey,
    CWC_BASE_URL: fake.url,
    CWC_DELIVERY_AGENT: 'Ratify E2E Coalition',
    CWC_DELIVERY_AGENT_EMAIL: 'cwc-acks@e2e.ratify.test',
    CWC_DELIVERY_AGENT_CONTACT_NAME: 'Dana Whitfield',
    CWC_DELIVERY_AGENT_CONTACT_EMAIL: 'tech@e2e.ratify.test',
    CWC_DELIVERY_AGENT_CONTACT_PHONE: '202-555-0143',
  });
  // The roster is imported in the background at first boot; staff sign in meanwhile.
  const roster = expect
    .poll(async () => ((await (await fetch(`${server.url}/api/health`)).json()) as { roster?: { senators?: number } }).roster?.senators, {
      message: 'senators in /api/health',
      timeout: 120_000,
    })
    .toBe(100);
  [staff] = await Promise.all([signedInOwner(browser), roster]);
});

// A failing test carries the end of the server's log (the drainer logs each failed send).
test.afterEach(async () => {
  const info = test.info();
  if (info.status !== info.expectedStatus && server) await info.attach('server log', { body: server.output(), contentType: 'text/plain' });
});

test.afterAll(async () => {
  await staff?.context.close();
  await server?.stop();
  await fake?.close();
  if (databaseUrl) await dropDatabase(databaseUrl);
  if (pgliteDir) fs.rmSync(pgliteDir, { recursive: true, force: true });
});

async function signedInOwner(browser: Browser) {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await openSignInLink(page, await requestSignInLink(context, OWNER_EMAIL));
  // The first /dashboard render of a cold server.
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  return { context, page };
}

/** `lookup`: find the senators from the campaign page's ZIP box, else open the form's link with the ZIP. */
type Writer = { zip: string; firstName: string; lastName: string; street: string; city: string; lookup?: boolean };

/**
 * As a supporter in a browser of their own: find the senators by ZIP, write (the form asks for a
 * title and a street address while CWC is on) and send. Returns the page and the confirmation
 * mail's link, not yet opened.
 */
async function write(browser: Browser, w: Writer): Promise<{ page: Page; email: string; confirmPath: string }> {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await withOwnIp(page);
  forbidDialogs(page);
  const email = uniqueEmail('cwc-writer');
  if (w.lookup) {
    await page.goto(CAMPAIGN_PATH);
    const lookup = page.getByRole('region', { name: 'Write to your senators' });
    await lookup.getByLabel('Your ZIP code').fill(w.zip);
    await lookup.getByRole('button', { name: 'Find my senators' }).click();
  } else {
    await page.goto(`${CAMPAIGN_PATH}/write?zip=${w.zip}`);
  }
  await expect(page.getByRole('heading', { name: 'Write your letter' })).toBeVisible();

  const form = page.locator('form').filter({ has: page.getByRole('button', { name: /Send my letter/ }) });
  const street = form.getByLabel('Street address', { exact: true });
  await expect(street).toHaveAttribute('required', '');
  await expect(form.getByText(/accepts a letter only with the writer’s full postal address/)).toBeVisible();
  await form.getByLabel('Title', { exact: true }).selectOption('Dr.');
  await form.getByLabel('First name').fill(w.firstName);
  await form.getByLabel('Last name').fill(w.lastName);
  await form.getByLabel('Email', { exact: true }).fill(email);
  await form.getByLabel('City', { exact: true }).fill(w.city);
  await street.fill(w.street);
  await page.getByRole('button', { name: /Send my letter/ }).click();
  await expect(page.getByRole('heading', { name: 'Check your email to confirm' })).toBeVisible();
  const confirmation = await readMail(page.request, email, 'letters-confirmation');
  return { page, email, confirmPath: pathOf(confirmation.props.confirmUrl) };
}

async function confirm(page: Page, confirmPath: string) {
  await page.goto(confirmPath);
  await page.getByRole('button', { name: 'Confirm and send my letters' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you — your letters are confirmed' })).toBeVisible();
}

/** The ledger row of `senator` (e.g. `Ron Wyden (OR)`), as column header → cell text. */
async function ledgerRow(page: Page, senator: string): Promise<Record<string, string>> {
  const table = page.getByRole('table', { name: /^Letters \(/ });
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: senator, exact: true }) });
  const cells = await row.locator('th, td').allInnerTexts();
  return Object.fromEntries(headers.map((h, i) => [h.trim(), (cells[i] ?? '').trim()]));
}

/**
 * Open the ledger as staff until each senator's row passes its check: the drainer records the
 * Senate's answer just after it comes, so the first look may be a moment early.
 */
async function expectLedger(checks: Record<string, (row: Record<string, string>) => void>) {
  await expect(async () => {
    await staff.page.goto('/dashboard/letters');
    for (const [senator, check] of Object.entries(checks)) check(await ledgerRow(staff.page, senator));
  }).toPass({ timeout: 30_000 });
}

const TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/;
const DURBIN = 'Richard J. Durbin (IL)';
const DUCKWORTH = 'Tammy Duckworth (IL)';

test('a supporter writes and confirms; each office gets one CWC message, and the ledger shows the acceptance', async ({ browser }) => {
  const { page, confirmPath } = await write(browser, {
    zip: '62701',
    firstName: 'Grace',
    lastName: 'Hopper',
    street: '1 Old State Capitol Plaza',
    city: 'Springfield',
    lookup: true,
  });

  // Written, not confirmed: the ledger shows both letters waiting, and nothing has gone to the
  // Senate. The confirmation mail went out through the same drainer after the letters were written,
  // and the drainer has run several times since: a message queued too early would have been sent.
  const pending = (row: Record<string, string>) => expect(row).toMatchObject({ Status: 'pending confirmation', Channel: '—', Sent: '—', Delivered: '—' });
  await expectLedger({ [DURBIN]: pending, [DUCKWORTH]: pending });
  expect(fake.requests).toHaveLength(0);

  await confirm(page, confirmPath);
  for (const name of ['Senator Richard J. Durbin', 'Senator Tammy Duckworth']) {
    await expect(page.getByText(new RegExp(`^(Queued for delivery|Delivered) to ${name}’s office through the Senate’s official Communicating with Congress service`))).toBeVisible();
  }

  // The Senate's answers, as staff see them: filed with each office's code, accepted, delivered.
  const accepted = (office: string) => (row: Record<string, string>) =>
    expect(row).toMatchObject({ Channel: `CWC to ${office}`, Status: 'sent', Sent: expect.stringMatching(TIME), Delivered: expect.stringMatching(TIME), 'Failure reason': '—' });
  await expectLedger({ [DURBIN]: accepted('SIL02'), [DUCKWORTH]: accepted('SIL03') });

  // One message per office, each valid (else 400) and accepted once: no duplicate after all the
  // drainer's passes since. The constituent's postal address is in it, as CWC requires.
  expect(fake.requests.map((r) => [r.officeCode, r.status]).sort()).toEqual([
    ['SIL02', 201],
    ['SIL03', 201],
  ]);
  expect(new Set(fake.requests.map((r) => r.deliveryId)).size).toBe(2);
  for (const held of fake.accepted()) expect(held.xml).toContain('<Address1>1 Old State Capitol Plaza</Address1>');
  await page.context().close();
});

test('an office that refuses CWC messages: the ledger shows the service’s reason, and the writer is told', async ({ browser }) => {
  // Senate offices take part in CWC voluntarily; Ron Wyden's seat (class 3) refuses here.
  fake.setInactiveOffices(['SOR03']);
  const before = fake.requests.length;
  const { page, email, confirmPath } = await write(browser, {
    zip: '97201',
    firstName: 'Rosa',
    lastName: 'Parks',
    street: '1221 SW 4th Ave',
    city: 'Portland',
  });
  await confirm(page, confirmPath);

  await expectLedger({
    'Ron Wyden (OR)': (row) => {
      expect(row).toMatchObject({ Channel: 'CWC to SOR03', Status: 'failed', Delivered: '—' });
      expect(row['Failure reason']).toContain('Office SOR03 does not accept messages through CWC');
    },
    'Jeff Merkley (OR)': (row) => expect(row).toMatchObject({ Channel: 'CWC to SOR02', Status: 'sent', Delivered: expect.stringMatching(TIME) }),
  });

  const told = await readMail(page.request, email, 'letter-delivery-failed');
  expect(told.props).toMatchObject({ senatorName: 'Senator Ron Wyden' });
  // A refusal is final: asked once, never retried.
  expect(fake.requests.slice(before).map((r) => [r.officeCode, r.status]).sort()).toEqual([
    ['SOR02', 201],
    ['SOR03', 400],
  ]);
  await page.context().close();
});
