import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { dropDatabase, freshDatabase, startServer } from './support/cluster';
import { CAMPAIGN_PATH, CAMPAIGN_SLUG, fillPetition, signer } from './support/public';
import { withOwnIp as useOwnIp } from './support/unique';

// The bug this guards against: Next kept cached pages on disk beside the build, so after a fresh
// database (`rm -rf .data`, or a new DATABASE_URL) the server served pages rendered from the old
// one, with form tokens signed by the old salt, and the first visitors' signatures were refused.
// The page cache now lives with its database (lib/cache): a new database starts with no cached pages.

const port = Number(process.env.E2E_PORT ?? 3100) + 20;
const dataDir = `.test-data/fresh-database-${port}`;
// DEMO_DATA=0: a fresh embedded database would otherwise get the demo dataset, which this test does not need.
const common = { MAILBOX_ENABLED: '1', FORM_MIN_FILL_SECONDS: '1', LOG_LEVEL: 'warn', SEED_ON_START: '1', DEMO_DATA: '0' };

/**
 * A fresh database for the server: with PostgreSQL, `<e2e db>_fresh` dropped and created anew (a new
 * DATABASE_URL, as after a restore or a move); else a new embedded PGlite folder (`rm -rf .data`).
 * PostgreSQL when CI has it: a PGlite first boot (migrations and roster in WebAssembly) costs a
 * minute of CPU on a 2-core runner, and the page cache lives with either database the same way.
 */
async function freshEnv(): Promise<Record<string, string | undefined>> {
  const url = await freshDatabase('fresh');
  if (url) return { ...common, DATABASE_URL: url };
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { ...common, DATABASE_URL: undefined, PGLITE_DATA_DIR: dataDir };
}
const tokenOf = (html: string) => /name="form_started" value="([^"]+)"/.exec(html)?.[1];

test('after a fresh database, the campaign page is rendered anew and its form signs at once', async ({ browser }) => {
  test.setTimeout(240_000);
  let env = await freshEnv();
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

  env = await freshEnv();
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
    if (env.DATABASE_URL) await dropDatabase(env.DATABASE_URL);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
