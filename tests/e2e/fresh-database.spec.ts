import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { startServer } from './support/cluster';
import { CAMPAIGN_PATH, CAMPAIGN_SLUG, fillPetition, signer } from './support/public';
import { withOwnIp as useOwnIp } from './support/unique';

// The bug this guards against: Next kept cached pages on disk beside the build, so after a fresh
// embedded database (`rm -rf .data`) the server served pages rendered from the old one, with form
// tokens signed by the old salt, and the first visitors' signatures were refused. The page cache
// now lives with its database (lib/cache): a new database starts with no cached pages.

const port = Number(process.env.E2E_PORT ?? 3100) + 20;
const dataDir = `.test-data/fresh-database-${port}`;
// DEMO_DATA=0: a fresh embedded database would otherwise get the demo dataset, which this test does not need.
const env = { DATABASE_URL: undefined, PGLITE_DATA_DIR: dataDir, MAILBOX_ENABLED: '1', FORM_MIN_FILL_SECONDS: '1', LOG_LEVEL: 'warn', SEED_ON_START: '1', DEMO_DATA: '0' };
const tokenOf = (html: string) => /name="form_started" value="([^"]+)"/.exec(html)?.[1];

test('after a fresh embedded database, the campaign page is rendered anew and its form signs at once', async ({ browser }) => {
  test.setTimeout(240_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  let server = await startServer(port, env);
  let oldToken: string | undefined;
  try {
    await fetch(`${server.url}${CAMPAIGN_PATH}`).then((r) => r.text());
    const cached = await fetch(`${server.url}${CAMPAIGN_PATH}`);
    expect(cached.headers.get('x-nextjs-cache')).toBe('HIT');
    oldToken = tokenOf(await cached.text());
    expect(oldToken).toBeTruthy();
  } finally {
    await server.stop();
  }

  fs.rmSync(dataDir, { recursive: true, force: true });
  server = await startServer(port, env);
  try {
    const first = await fetch(`${server.url}${CAMPAIGN_PATH}`);
    expect(first.headers.get('x-nextjs-cache')).not.toBe('HIT');
    expect(tokenOf(await first.text())).not.toBe(oldToken);

    // Signing with the page's own token (no view beacon to replace it) works on the first press.
    const page = await (await browser.newContext({ baseURL: server.url })).newPage();
    await useOwnIp(page);
    await page.route(`**/api/campaigns/${CAMPAIGN_SLUG}/views`, (route) => route.abort());
    await page.goto(CAMPAIGN_PATH);
    const openedAt = Date.now();
    await fillPetition(page, signer('fresh-db'));
    await page.waitForTimeout(Math.max(0, openedAt + 1_200 - Date.now())); // the minimum fill time
    await page.getByRole('button', { name: 'Sign the petition' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Thank you, Alex!' })).toBeVisible();
    await page.context().close();
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
