import { expect, test } from '@playwright/test';

test('home page lists the demo campaign', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText("Children's Protocol Coalition");
  const link = page.getByRole('link', { name: /ratify the protocol against the sale of children/i });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/c\/protect-children-protocol$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/protocol against the sale of children/i);
});

test('health reports the database and a full roster', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.status).toBe('ok');
  expect(body.database.ok).toBe(true);
  expect(body.roster.senators).toBe(100);
});
