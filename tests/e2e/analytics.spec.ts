import { expectNoAxeViolations } from './support/axe';
import { openCampaign, signOnPage, signer } from './support/public';
import { expect, test } from './support/staff';
import { withOwnIp } from './support/unique';

test('analytics shows the charts, the state map and its table, with no axe violations', async ({ browser, staffPage }) => {
  // At least one signer from DC (ZIP 20002), so the map and the table have something to show.
  const publicContext = await browser.newContext();
  const visitor = await publicContext.newPage();
  await withOwnIp(visitor);
  const s = signer('analytics', { lastName: `Anl${Date.now().toString(36)}` });
  await openCampaign(visitor, '?source=e2e-analytics');
  await signOnPage(visitor, s);
  await publicContext.close();

  const page = await staffPage('owner');
  await page.goto('/dashboard/analytics?campaign=protect-children-protocol');
  await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();

  // Server-rendered map: every state drawn, each with a <title>, DC coloured as non-zero.
  const map = page.getByRole('img', { name: /Map of signers by state/ });
  await expect(map).toBeVisible();
  await expect(map.locator('path[data-state]')).toHaveCount(51);
  await expect(map.locator('path[data-state="DC"] > title')).toHaveText(/District of Columbia: [1-9][\d,]* signers?/);
  const table = page.getByRole('table', { name: /Signers by state/ });
  const dcCount = Number((await table.getByRole('row', { name: /District of Columbia/ }).getByRole('cell').textContent())!.replace(/,/g, ''));
  expect(dcCount).toBeGreaterThanOrEqual(1);
  expect(await map.locator('path[data-state="DC"]').getAttribute('data-count')).toBe(String(dcCount));

  // Client-rendered charts (recharts) appear, with data tables behind them.
  await expect(page.locator('.recharts-wrapper')).toHaveCount(2);
  await expect(page.locator('.recharts-line-curve')).toHaveCount(2);
  await expect(page.locator('.recharts-bar')).toHaveCount(1);
  await page.getByText('Show the numbers as a table').first().click();
  await expect(page.getByRole('table', { name: /Signatures and Letters per day/ })).toBeVisible();

  await expect(page.getByRole('table', { name: /Signatures by source/ }).getByRole('rowheader', { name: 'e2e-analytics' })).toBeVisible();
  await expect(page.getByText('Verification rate')).toBeVisible();
  await expect(page.getByText('Progress to goal')).toBeVisible();

  await expectNoAxeViolations(page);

  // Aggregates only: no supporter's email or name anywhere on the page.
  const html = await page.content();
  expect(html).not.toContain(s.email);
  expect(html).not.toContain(s.lastName);
});
