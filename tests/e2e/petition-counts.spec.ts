import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { CAMPAIGN_PATH, forbidDialogs, openCampaign, shownCount, signOnPage, signer } from './support/public';
import { withOwnIp } from './support/unique';

// The exact counts: +1 per new signer, +0 for a repeat. Nothing else may sign the demo campaign while
// these run, so they have a Playwright project of their own (`counts` in playwright.config.ts) that
// runs beside the staff sign-ins (which sign nothing) and before every other spec.

// One after the other, in one worker: each counts from where the other left the total.
test.describe.configure({ mode: 'default' });

test.describe('signing with JavaScript', () => {
  test.beforeEach(async ({ page }) => {
    await withOwnIp(page);
    forbidDialogs(page);
  });

  test('counts a new signer once, a repeat not at all, and the thank-you page passes axe', async ({ page }) => {
    const first = signer('js-first');
    await openCampaign(page);
    const afterFirst = await signOnPage(page, first);
    await expect(page.getByRole('heading', { level: 2, name: 'Thank you, Alex!' })).toBeFocused();
    await expect(page.getByText(/click the link in it to confirm/)).toBeVisible();
    // The thank-you view points to the letter and sharing, which the page shows once each.
    await expect(page.getByRole('heading', { name: 'Write to your senators' })).toHaveCount(1);
    await expect(page.getByRole('heading', { name: 'Share this campaign' })).toHaveCount(1);
    await expect(page.getByRole('link', { name: /Share on Bluesky/ })).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Send a letter to your senators' })).toHaveAttribute(
      'href',
      `${CAMPAIGN_PATH}/write?zip=20002`,
    );
    await expectNoAxeViolations(page);

    await openCampaign(page);
    const afterSecond = await signOnPage(page, signer('js-second'));
    expect(afterSecond).toBe(afterFirst + 1);

    await openCampaign(page);
    const repeat = await signOnPage(page, { ...first, email: `  ${first.email.toUpperCase()} ` });
    await expect(page.getByRole('heading', { level: 2, name: 'You’ve already signed — thank you' })).toBeVisible();
    expect(repeat).toBe(afterSecond);
  });

});

test.describe('signing without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a plain form post signs, counts once, and a repeat is told so', async ({ page }) => {
    await withOwnIp(page);
    const s = signer('nojs');
    await openCampaign(page);
    const first = await signOnPage(page, s);
    await expect(page.getByRole('heading', { level: 2, name: 'Thank you, Alex!' })).toBeVisible();
    // Without JS there is no copy button; the link sits in a readonly field instead.
    await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
    await expect(page.getByLabel('Link to this campaign').first()).toHaveValue(/\/c\/protect-children-protocol\?source=link$/);

    await openCampaign(page);
    const second = await signOnPage(page, signer('nojs-2'));
    expect(second).toBe(first + 1);

    await openCampaign(page);
    await signOnPage(page, s);
    await expect(page.getByRole('heading', { level: 2, name: 'You’ve already signed — thank you' })).toBeVisible();
    expect(await shownCount(page)).toBe(second);
  });
});
