import { expect, test } from '@playwright/test';

// /api/health on its own (status, database, roster) is tested against its route handler in
// tests/integration/foundation-health-seed.test.ts.

test('home page lists the demo campaign', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText("Children's Protocol Coalition");
  const link = page.getByRole('link', { name: /ratify the protocol against the sale of children/i });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/c\/protect-children-protocol$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/protocol against the sale of children/i);
});
