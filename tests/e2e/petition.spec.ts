import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { pathOf, readMail } from './support/mailbox';
import {
  CAMPAIGN_PATH,
  fillPetition,
  forbidDialogs,
  openCampaign,
  signOnPage,
  signViaApi,
  signer,
  submitPetition,
} from './support/public';
import { E2E_ACTIONS_PER_IP } from './support/limits';
import { uniqueIp, withOwnIp } from './support/unique';

test.describe('signing with JavaScript', () => {
  test.beforeEach(async ({ page }) => {
    await withOwnIp(page);
    forbidDialogs(page);
  });

  test('the confirmation email verifies the signature, once', async ({ page, request }) => {
    const s = signer('confirm');
    await openCampaign(page);
    await signOnPage(page, s);
    const mail = await readMail(request, s.email, 'signature-confirmation');
    expect(mail.subject).toMatch(/Confirm your signature/);
    const confirmPath = pathOf(mail.props.confirmUrl);
    expect(mail.text).toContain(confirmPath);

    // Opening the link only asks (mail scanners open links too); the button confirms.
    await page.goto(confirmPath);
    await expect(page.getByRole('heading', { level: 1, name: 'Confirm your signature' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Confirm my signature' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your signature is confirmed' })).toBeVisible();
    await expect(page.getByRole('link', { name: /protocol against the sale of children/i })).toHaveAttribute('href', CAMPAIGN_PATH);
    await page.goto(confirmPath);
    await expect(page.getByRole('heading', { level: 1, name: 'This link has already been used' })).toBeVisible();
    const bogus = await page.goto('/confirm/signature/not-a-real-token');
    expect(bogus?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'This link has already been used' })).toBeVisible();
  });

  test('unsubscribing from the email link works without signing in, and one-click POST too', async ({ page, request }) => {
    const s = signer('unsub', { optIn: true });
    await openCampaign(page);
    await signOnPage(page, s);
    const mail = await readMail(request, s.email, 'signature-confirmation');
    const unsubscribePath = pathOf(mail.props.unsubscribeUrl);

    await page.goto(unsubscribePath);
    await expect(page.getByRole('heading', { level: 1, name: 'Unsubscribe from campaign emails' })).toBeVisible();
    await page.getByRole('button', { name: 'Unsubscribe me' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'You’re unsubscribed' })).toBeVisible();
    await expect(page.getByText(/u••••@e2e\.ratify\.test/)).toBeVisible();

    // RFC 8058 one-click, as a mail provider sends it: idempotent.
    const res = await request.post(`/api/unsubscribe/${unsubscribePath.split('/').pop()}`, {
      form: { 'List-Unsubscribe': 'One-Click' },
    });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, alreadyUnsubscribed: true });
    expect((await request.post('/api/unsubscribe/nonsense')).status()).toBe(404);
  });

  test('hostile input on every field gets field messages, keeps what was typed, never a 5xx', async ({ page }) => {
    const serverErrors: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.url()}`);
    });
    const huge = 'x'.repeat(10_000);
    await openCampaign(page);
    await fillPetition(page, {
      firstName: huge,
      lastName: 'Lo\u0007pez',
      email: 'victim@example.org\r\nBcc: everyone@example.org',
      zip: "1'; drop table signatures; --",
      comment: huge,
    });
    await submitPetition(page);
    await expect(page.getByRole('alert').filter({ hasText: 'Please correct the highlighted fields.' })).toBeVisible();
    await expect(page.getByText('Your first name can be at most 80 characters.')).toBeVisible();
    await expect(page.getByText('Your last name can\'t contain line breaks or control characters.')).toBeVisible();
    await expect(page.getByText('Enter an email address like name@example.org.')).toBeVisible();
    await expect(page.getByText(/Enter a 5-digit ZIP code/)).toBeVisible();
    await expect(page.getByText('Your comment can be at most 1,000 characters.')).toBeVisible();
    await expect(page.getByLabel('First name')).toHaveValue(huge);
    await expect(page.getByLabel('First name')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('First name')).toBeFocused();
    expect(serverErrors).toEqual([]);
  });

  test('markup in names and comments is shown as inert text; emoji and non-Latin names are welcome', async ({ page }) => {
    const script = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await openCampaign(page);
    await signOnPage(page, signer('hostile-name', { firstName: script, comment: script }));
    await expect(page.getByRole('heading', { level: 2, name: `Thank you, ${script}!` })).toBeVisible();
    expect(await page.locator('main img').count()).toBe(0);

    await openCampaign(page);
    await signOnPage(page, signer('unicode', { firstName: 'Zoë 🌍', lastName: '李' }));
    await expect(page.getByRole('heading', { level: 2, name: 'Thank you, Zoë 🌍!' })).toBeVisible();
    await openCampaign(page);
    await signOnPage(page, signer('arabic', { firstName: 'محمد', lastName: 'العلي' }));
    await expect(page.getByRole('heading', { level: 2, name: 'Thank you, محمد!' })).toBeVisible();
  });

  test('carries ?source= into the form', async ({ page }) => {
    await openCampaign(page, '?source=bluesky');
    await expect(page.locator('form input[type="hidden"][name="source"]').first()).toHaveValue('bluesky');
  });
});

test.describe('signing without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('bad input comes back with field messages and the typed values', async ({ page }) => {
    await withOwnIp(page);
    await openCampaign(page);
    await fillPetition(page, { firstName: 'Ana\u0000', lastName: '', email: 'nope', zip: '123', comment: 'Keep this' });
    await submitPetition(page);
    await expect(page.getByText('Your first name can\'t contain line breaks or control characters.')).toBeVisible();
    await expect(page.getByText('Enter your last name.')).toBeVisible();
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue('nope');
    await expect(page.getByLabel('Comment (optional)')).toHaveValue('Keep this');
  });

  test('unsubscribe works with a plain form post', async ({ page, request }) => {
    await withOwnIp(page);
    const s = signer('nojs-unsub');
    await openCampaign(page);
    await signOnPage(page, s);
    const mail = await readMail(request, s.email, 'signature-confirmation');
    await page.goto(pathOf(mail.props.unsubscribeUrl));
    await page.getByRole('button', { name: 'Unsubscribe me' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'You’re unsubscribed' })).toBeVisible();
  });

  test('confirming the signature works with a plain form post', async ({ page, request }) => {
    await withOwnIp(page);
    const s = signer('nojs-confirm');
    await openCampaign(page);
    await signOnPage(page, s);
    const mail = await readMail(request, s.email, 'signature-confirmation');
    await page.goto(pathOf(mail.props.confirmUrl));
    await page.getByRole('button', { name: 'Confirm my signature' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your signature is confirmed' })).toBeVisible();
    await page.goto(pathOf(mail.props.confirmUrl));
    await expect(page.getByRole('heading', { level: 1, name: 'This link has already been used' })).toBeVisible();
  });
});

test.describe('abuse limits', () => {
  test('the n+1-th rapid submission from one connection is refused', async ({ page, request }) => {
    // The e2e server allows E2E_ACTIONS_PER_IP signatures per connection per 10 minutes (300 by
    // default, proven in tests/integration/security-limits.test.ts). The limiter counts in fixed
    // windows: a burst that straddles a boundary is legitimately split in two, so start with at least
    // 30 s of the window left (within its last 30 s, that means waiting for the next one).
    const n = E2E_ACTIONS_PER_IP;
    const windowMs = 600_000;
    await expect
      .poll(() => windowMs - (Date.now() % windowMs), { message: 'time left in the rate-limit window', timeout: 35_000 })
      .toBeGreaterThan(30_000);

    const ip = uniqueIp();
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': ip });
    await openCampaign(page);
    const statuses: number[] = [];
    for (let i = 0; i < n; i++) statuses.push((await signViaApi(request, signer(`burst-${i}`), ip)).status());
    expect(statuses).toEqual(Array(n).fill(201));

    // The n+1-th, through the form from the same connection, is refused with a plain message…
    await fillPetition(page, signer('burst-form'));
    await submitPetition(page);
    await expect(page.getByRole('alert').filter({ hasText: 'Too many attempts from your connection' })).toBeVisible();
    await expect(page.getByLabel('First name')).toHaveValue('Alex');

    // …and through the JSON API with 429 and Retry-After.
    const refused = await signViaApi(request, signer('burst-last'), ip);
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
    expect((await refused.json()).error.message).toMatch(/Too many attempts/);
  });

  test('a filled honeypot is refused with a generic message', async ({ page }) => {
    await withOwnIp(page);
    await openCampaign(page);
    await fillPetition(page, signer('bot'));
    await page.locator('input[name="website"]').first().fill('http://spam.example', { force: true });
    await submitPetition(page);
    await expect(page.getByRole('alert').filter({ hasText: 'Please try again' })).toBeVisible();
  });
});

test.describe('accessibility', () => {
  test('home and campaign pages have no axe violations', async ({ page }) => {
    await page.goto('/');
    await expectNoAxeViolations(page);
    await openCampaign(page);
    await expectNoAxeViolations(page);
  });
});
