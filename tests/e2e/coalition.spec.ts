import http from 'node:http';
import { expect, test } from './support/staff';
import { readMail, pathOf } from './support/mailbox';
import { CAMPAIGN_PATH, CAMPAIGN_TITLE, fillPetition, signer, submitPetition } from './support/public';
import { addPartner, inviteStaff, signInAs } from './support/staff';
import { RUN, uniqueEmail, uniqueIp, withOwnIp } from './support/unique';

// The coalition end to end: the host adds two partners as co-sponsors; a supporter arrives by one
// partner's ?ref= link, sees that partner's box first, opts in to it only, signs (with JS and
// without); the partner's staff member sees the signature in its figures and export and is refused
// the other partner's people; the host sees the breakdown.

test.describe.configure({ mode: 'serial' });

const alpha = { name: `Alpha ${RUN}`, code: `alpha-${RUN}`, words: `Yes, Alpha ${RUN} may email me.` };
const beta = { name: `Beta ${RUN}`, code: `beta-${RUN}`, words: `Yes, Beta ${RUN} may email me.` };
const withJs = signer('coal-js');
const withoutJs = signer('coal-nojs');
let betaId = '';

test('the host adds two partners and makes them co-sponsors', async ({ staffPage }) => {
  const owner = await staffPage('owner');
  await addPartner(owner, alpha.name, alpha.code, alpha.words);
  await addPartner(owner, beta.name, beta.code, beta.words);
  await owner.goto('/dashboard/campaigns');
  const preview = await owner.getByRole('link', { name: `Preview ${CAMPAIGN_TITLE}`, exact: true }).first().getAttribute('href');
  await owner.goto(preview!.replace(/\/preview$/, ''));
  const sponsors = owner.getByRole('region', { name: 'Co-sponsors' });
  await sponsors.getByRole('checkbox', { name: new RegExp(`^${beta.name}`) }).check();
  await sponsors.getByRole('checkbox', { name: new RegExp(`^${alpha.name}`) }).check();
  await sponsors.getByRole('button', { name: 'Save co-sponsors' }).click();
  await expect(sponsors.getByText('Co-sponsors saved.')).toBeVisible();
  await owner.goto('/dashboard/partner');
  betaId = (await owner.locator('select[name="organisationId"] option', { hasText: beta.name }).getAttribute('value')) ?? '';
  expect(betaId).toMatch(/^[0-9a-f-]{36}$/);
});

test('a supporter arriving by Beta’s link sees Beta’s box first and opts in to Beta only (JS)', async ({ page, request }) => {
  await withOwnIp(page);
  await page.goto(`${CAMPAIGN_PATH}?ref=${beta.code}`);
  await expect(page.getByRole('region', { name: 'Co-sponsored by' })).toContainText(alpha.name);
  const boxes = page.getByRole('group', { name: 'Email updates (optional)' }).getByRole('checkbox');
  await expect(boxes.first()).toHaveAccessibleName(beta.words);
  for (const box of await boxes.all()) await expect(box).not.toBeChecked();
  await fillPetition(page, withJs);
  await page.getByRole('checkbox', { name: beta.words }).check();
  await submitPetition(page);
  await expect(page.getByRole('heading', { level: 2, name: /Thank you/ })).toBeVisible();
  const mail = await readMail(request, withJs.email, 'signature-confirmation');
  await page.goto(pathOf(mail.props.confirmUrl));
  await page.getByRole('button', { name: 'Confirm my signature' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your signature is confirmed' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the ref, Beta’s box first, survives a plain form post and its refusal', async ({ page, request }) => {
    await withOwnIp(page);
    await page.goto(`${CAMPAIGN_PATH}?ref=${beta.code}`);
    const boxes = page.getByRole('group', { name: 'Email updates (optional)' }).getByRole('checkbox');
    await expect(boxes.first()).toHaveAccessibleName(beta.words);
    // A refused post comes back with Beta's box still first and still ticked, and the values kept.
    await fillPetition(page, { ...withoutJs, lastName: '' });
    await page.getByRole('checkbox', { name: beta.words }).check();
    await submitPetition(page);
    await expect(page.getByText('Enter your last name.')).toBeVisible();
    await expect(boxes.first()).toHaveAccessibleName(beta.words);
    await expect(page.getByRole('checkbox', { name: beta.words })).toBeChecked();
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue(withoutJs.email);
    await fillPetition(page, { lastName: withoutJs.lastName });
    await submitPetition(page);
    await expect(page.getByRole('heading', { level: 2, name: /Thank you/ })).toBeVisible();
    const mail = await readMail(request, withoutJs.email, 'signature-confirmation');
    await page.goto(pathOf(mail.props.confirmUrl));
    await page.getByRole('button', { name: 'Confirm my signature' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your signature is confirmed' })).toBeVisible();
  });
});

test('Beta’s staff see both signatures and export them, and are refused Alpha’s people', async ({ browser, staffPage }) => {
  const owner = await staffPage('owner');
  await owner.goto('/dashboard/partner');
  const alphaId = await owner.locator('select[name="organisationId"] option', { hasText: alpha.name }).getAttribute('value');
  const betaStaff = await inviteStaff(owner, 'partner', `beta.${RUN}@e2e.ratify.test`, beta.name);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, betaStaff);
  await expect(page.getByRole('region', { name: 'Referred signatures' })).toContainText('2');
  await page.goto('/dashboard/partner/people');
  await expect(page.getByRole('cell', { name: withJs.email })).toBeVisible();
  await expect(page.getByRole('cell', { name: withoutJs.email })).toBeVisible();
  await expect(page.getByRole('cell', { name: beta.words }).first()).toBeVisible();
  const csv = await (await page.request.get('/api/exports/consents')).text();
  expect(csv).toContain(withJs.email);
  expect(csv).toContain(beta.words);
  expect((await page.request.get(`/dashboard/partner/people?organisationId=${alphaId}`)).status()).toBe(404);
  expect((await page.request.get(`/api/exports/consents?organisationId=${alphaId}`)).status()).toBe(404);
  expect((await page.request.get('/dashboard/people')).status()).toBe(403);
  await context.close();
});

test('the host sees the partner breakdown', async ({ staffPage }) => {
  const owner = await staffPage('owner');
  await owner.goto('/dashboard/analytics');
  const row = owner.getByRole('region', { name: 'Partner breakdown (all campaigns)' }).getByRole('row', { name: new RegExp(beta.name) });
  await expect(row).toContainText('2');
  expect(betaId).not.toBe('');
});

test('a plain page on another port embeds the petition; a signature in it is Beta’s, with Beta’s consent', async ({ page, request, browser }) => {
  const port = Number(process.env.E2E_PORT ?? 3100) + 40; // its own port: specs run side by side (playwright.config.ts)
  const html = `<!doctype html><title>Beta's site</title><h1>Beta's site</h1>
    <iframe id="ratify" title="Sign the petition" src="http://localhost:${process.env.E2E_PORT ?? 3100}/embed/c/protect-children-protocol?ref=${beta.code}&accent=%23aa0000" style="width:100%;height:1400px;border:0"></iframe>`;
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  try {
    await withOwnIp(page);
    await page.goto(`http://127.0.0.1:${port}/`);
    const frame = page.frameLocator('#ratify');
    const s = signer('coal-embed');
    await frame.getByLabel('First name').fill(s.firstName);
    await frame.getByLabel('Last name').fill(s.lastName);
    await frame.getByLabel('Email', { exact: true }).fill(s.email);
    await frame.getByLabel('ZIP code', { exact: true }).fill(s.zip);
    await expect(frame.getByRole('group', { name: 'Email updates (optional)' }).getByRole('checkbox').first()).toHaveAccessibleName(beta.words);
    await frame.getByRole('checkbox', { name: beta.words }).check();
    await frame.getByRole('button', { name: 'Sign the petition' }).click();
    await expect(frame.getByText('Thank you! Check your email to confirm your signature.')).toBeVisible();
    const mail = await readMail(request, s.email, 'signature-confirmation');
    const confirm = await browser.newPage();
    await confirm.goto(pathOf(mail.props.confirmUrl));
    await confirm.getByRole('button', { name: 'Confirm my signature' }).click();
    await expect(confirm.getByRole('heading', { level: 1, name: 'Your signature is confirmed' })).toBeVisible();
    await confirm.close();

    const staff = await browser.newContext();
    const staffPage = await staff.newPage();
    await signInAs(staffPage, `beta.${RUN}@e2e.ratify.test`);
    await staffPage.goto('/dashboard/partner/people');
    const row = staffPage.getByRole('row').filter({ has: staffPage.getByRole('cell', { name: s.email }) });
    await expect(row).toContainText(beta.words);
    await expect(row).toContainText('embed · embed:127.0.0.1');
    await staff.close();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

// Last in the file: it signs the demo campaign once more, after the tests above that count signatures.
test('OSDI round trip: a read-write key made on the Organisations page records a signature, reads it back, and the petition’s count moves', async ({ staffPage, playwright, baseURL }) => {
  const owner = await staffPage('owner');
  await owner.goto('/dashboard/organisations');
  const form = owner.locator('form').filter({ has: owner.getByRole('button', { name: 'Create API key' }) });
  await form.getByLabel('Key name').fill(`e2e round trip ${RUN}`);
  // The host's key: a partner's key sees a signature only once its signer confirmed and opted in to that partner.
  await form.getByLabel('Organisation').selectOption({ label: "Children's Protocol Coalition (host)" });
  await form.getByLabel('Access').selectOption({ value: 'read_write' });
  await form.getByRole('button', { name: 'Create API key' }).click();
  const shown = await form.getByText(/rat_[A-Za-z0-9_-]{20,}/).textContent();
  const key = /rat_[A-Za-z0-9_-]{20,}/.exec(shown ?? '')![0];

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'OSDI-API-Token': key, 'x-forwarded-for': uniqueIp() } });
  try {
    const petitions = await (await api.get('/api/osdi/v1/petitions')).json();
    const petition = petitions._embedded['osdi:petitions'].find((p: { title: string }) => p.title === CAMPAIGN_TITLE);
    const before = petition.total_signatures as number;
    const helper = petition._links['osdi:record_signature_helper'].href as string;
    const email = uniqueEmail('osdi-round-trip');
    const res = await api.post(helper, {
      data: { person: { given_name: 'Rosa', family_name: 'Parks', email_addresses: [{ address: email, primary: true }], postal_addresses: [{ postal_code: '20002' }] } },
    });
    expect(res.status()).toBe(201);
    const sig = await res.json();
    expect(sig.identifiers[0]).toMatch(/^ratify:[0-9a-f-]{36}$/);
    // Read it back through its own link, and see the petition's count move.
    expect((await api.get(sig._links.self.href)).status()).toBe(200);
    const after = await (await api.get(petition._links.self.href)).json();
    expect(after.total_signatures).toBeGreaterThanOrEqual(before + 1);
    // The form's rules: the signer is asked to confirm by email, as through the form.
    await readMail(api, email, 'signature-confirmation');
  } finally {
    await api.dispose();
  }
});
