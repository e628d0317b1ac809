import type { Browser } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { openCampaign, signOnPage, signer, type Signer } from './support/public';
import { expect, test } from './support/staff';
import { RUN, uniqueIp } from './support/unique';

/** A signer page of its own (own client IP for the per-IP limits). */
async function signAs(browser: Browser, s: Signer) {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': uniqueIp() } });
  const page = await context.newPage();
  await openCampaign(page);
  await signOnPage(page, s);
  await context.close();
}

test.describe('people', () => {
  // In one worker: the tests read the three supporters beforeAll signs once.
  test.describe.configure({ mode: 'default' });
  const tag = `Pq${RUN}`;
  const ada = signer('people-ada', { firstName: 'Ada', lastName: `Lovelace${tag}`, zip: '94612' });
  const bo = signer('people-bo', { firstName: 'Bo', lastName: `Nakamura${tag}`, zip: '10001' });
  const cy = signer('people-cy', { firstName: 'Cy', lastName: `Ortega${tag}`, zip: '10001', comment: `A comment ${tag}` });

  test.beforeAll(async ({ browser }) => {
    for (const s of [ada, bo, cy]) await signAs(browser, s);
  });

  test('an analyst filters signers, opens a person, and the pages pass axe', async ({ staffPage }) => {
    const page = await staffPage('analyst');

    await page.goto('/dashboard/people');
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    await expectNoAxeViolations(page);

    const search = page.getByRole('search', { name: 'Filter signers' });
    await search.getByLabel('Search name or email').fill(tag);
    await search.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(new RegExp(`q=${tag}`));
    const table = page.getByRole('table', { name: /Signers \(3\)/ });
    await expect(table).toBeVisible();
    for (const s of [ada, bo, cy]) await expect(table.getByRole('link', { name: `${s.firstName} ${s.lastName}` })).toBeVisible();

    await search.getByLabel('State').selectOption('NY');
    await search.getByLabel('Sort by').selectOption('last_name');
    await search.getByLabel('Order').selectOption('asc');
    await search.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('table', { name: /Signers \(2\)/ })).toBeVisible();
    const names = page.getByRole('table').getByRole('rowheader');
    await expect(names).toHaveText([`${bo.firstName} ${bo.lastName}`, `${cy.firstName} ${cy.lastName}`]);

    // The URL alone reproduces the view (shareable, no JS state).
    const shared = page.url();
    await page.goto('/dashboard/people');
    await page.goto(shared);
    await expect(page.getByRole('table', { name: /Signers \(2\)/ })).toBeVisible();

    // The moderation queue holds Cy's comment; an analyst may approve it.
    await page.goto(`/dashboard/people?comment=pending&q=${tag}`);
    await page.getByRole('button', { name: `Approve comment by ${cy.firstName} ${cy.lastName}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Comment approved.' })).toBeVisible();
    // The queue no longer holds it, and the view (filters) is the one the analyst was on.
    await expect(page.getByRole('table', { name: /Signers \(0\)/ })).toBeVisible();
    expect(new URL(page.url()).searchParams.get('comment')).toBe('pending');

    await page.goto(`/dashboard/people?q=${tag}&state=NY&sort=last_name&dir=asc`);
    await page.getByRole('link', { name: `${bo.firstName} ${bo.lastName}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${bo.firstName} ${bo.lastName}` })).toBeVisible();
    await expect(page.getByText(bo.email)).toBeVisible();
    await expect(page.getByRole('table', { name: 'Signatures' }).getByRole('rowheader')).toHaveCount(1);
    await expect(page.getByRole('table', { name: 'Emails sent to this person' })).toContainText('signature confirmation');
    // Analysts cannot forget people.
    await expect(page.getByRole('link', { name: /Forget this person/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('a viewer never sees names or emails', async ({ staffPage }) => {
    const page = await staffPage('viewer');
    for (const path of ['/dashboard/people', `/dashboard/people?q=${tag}`, '/dashboard/letters', '/dashboard/outbox', '/dashboard/audit']) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      const html = await page.content();
      expect(html, path).not.toContain(ada.lastName);
      expect(html, path).not.toContain(ada.email);
    }
    // Pages a viewer may open show counts, never people.
    for (const path of ['/dashboard', '/dashboard/analytics']) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      const html = await page.content();
      for (const s of [ada, bo, cy]) {
        expect(html, path).not.toContain(s.lastName);
        expect(html, path).not.toContain(s.email);
      }
    }
  });

  test('the owner forgets a person after typing FORGET', async ({ browser, staffPage }) => {
    const gone = signer('people-gone', { firstName: 'Gus', lastName: `Forgotten${tag}`, zip: '94612' });
    await signAs(browser, gone);
    const page = await staffPage('owner');
    await page.goto(`/dashboard/people?q=${encodeURIComponent(gone.lastName)}`);
    await page.getByRole('link', { name: `${gone.firstName} ${gone.lastName}` }).click();
    await page.getByRole('link', { name: /Forget this person/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Forget ${gone.firstName} ${gone.lastName}?` })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('Type FORGET to confirm').fill('forget');
    await page.getByRole('button', { name: 'Forget this person' }).click();
    await expect(page.getByText(/Type FORGET in capital letters/)).toBeVisible();

    await page.getByLabel('Type FORGET to confirm').fill('FORGET');
    await page.getByRole('button', { name: 'Forget this person' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Forgotten supporter' })).toBeVisible();
    await expect(page.getByText(/personal data has been erased/)).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText(gone.email);
    await page.reload();
    expect(await page.content()).not.toContain(gone.email);
    expect(await page.content()).not.toContain(gone.lastName);

    await page.goto(`/dashboard/audit?action=person.forget`);
    await expect(page.getByRole('table', { name: /Audit log/ })).toContainText('person.forget');
  });
});
